/**
 * The repository's default branch and the date of its newest commit, for the inactive-branch check: GitHub
 * disables a repository's scheduled workflows after 60 days without activity, which silently stops every run.
 */
import { createOctokit, statusOf, type OctokitOptions } from '../alerts/github-api.ts';

export interface BranchCommit {
  name: string;
  /** The newest commit's committer date (the author's when there is none); null when GitHub gives neither. */
  lastCommitAt: Date | null;
}

export interface BranchCommitOptions extends OctokitOptions {
  owner: string;
  repo: string;
  /**
   * The default branch when already known (the event payload's `repository.default_branch`): saves a request.
   * Otherwise it is read from `GET /repos/{owner}/{repo}`.
   */
  branch?: string | undefined;
}

/** Two reads (one when the branch is given); a 404 (no commit on the branch yet) is an unknown date, not an error. */
export async function defaultBranchCommit(options: BranchCommitOptions): Promise<BranchCommit> {
  const octokit = createOctokit(options);
  const repo = { owner: options.owner, repo: options.repo };
  const name = options.branch ?? (await octokit.rest.repos.get(repo)).data.default_branch;
  try {
    const { commit } = (await octokit.rest.repos.getCommit({ ...repo, ref: name })).data;
    const date = commit.committer?.date ?? commit.author?.date;
    return { name, lastCommitAt: date ? new Date(date) : null };
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 422) return { name, lastCommitAt: null };
    throw error;
  }
}
