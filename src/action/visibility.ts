/**
 * Whether the repository is public, from the event payload the runner writes (`repository.private`, or
 * `visibility`): a public repository's issues are public, and a Pages site is public on most plans.
 */
import { eventPayload } from './event.ts';

/** true or false when the payload says; null when there is no payload or it does not say. */
export function repositoryIsPublic(env: NodeJS.ProcessEnv = process.env): boolean | null {
  const repository = eventPayload(env)?.['repository'];
  if (typeof repository !== 'object' || repository === null) return null;
  const { private: isPrivate, visibility } = repository as Record<string, unknown>;
  if (typeof visibility === 'string') return visibility === 'public';
  return typeof isPrivate === 'boolean' ? !isPrivate : null;
}

/** The one warning a public repository gets when batches publish their values, or null. */
export function publicValuesWarning(isPublic: boolean | null, publishing: readonly string[]): string | null {
  if (isPublic !== true || publishing.length === 0) return null;
  const named = publishing.length > 5 ? `${publishing.slice(0, 5).join(', ')} and ${publishing.length - 5} more` : publishing.join(', ');
  return `this repository is public, so its issues (and a Pages report) are too, and ${named} publish their values there; set publish_values: false for batches whose values are private`;
}
