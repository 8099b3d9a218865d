/**
 * Calls `onUnfinished` if the process is about to exit because nothing is left to run while `work` has not settled:
 * an awaited promise that nothing will ever settle would otherwise end the run silently, with exit code 0 (or
 * Node's 13), no summary and no saved state. Returns `work`'s own promise.
 */
export function guardUnfinished<T>(work: Promise<T>, onUnfinished: () => void): Promise<T> {
  const listener = (): void => {
    process.off('beforeExit', listener);
    onUnfinished();
  };
  process.on('beforeExit', listener);
  const disarm = (): void => {
    process.off('beforeExit', listener);
  };
  work.then(disarm, disarm);
  return work;
}

/** What the CLI and the action say when the guard fires. */
export const UNFINISHED_MESSAGE =
  'the run stopped before it finished: it was waiting for work that can no longer complete (a promise nothing settles). ' +
  'Nothing after that point ran; this is a bug, please report it with the output above';
