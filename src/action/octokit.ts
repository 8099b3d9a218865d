import { getOctokit } from '@actions/github';

/** The REST client the action uses: GitHub's own, pointed at the runner's API (GHES, or a test server). */
export type Octokit = ReturnType<typeof getOctokit>;

export function createOctokit(token: string, baseUrl = process.env['GITHUB_API_URL'] ?? 'https://api.github.com'): Octokit {
  return getOctokit(token, { baseUrl });
}
