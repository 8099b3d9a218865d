/**
 * A time limit on work that may never finish by itself: `race` rejects once the limit passes, after `onExpire`
 * (which stops the work: interrupts a query, terminates a worker) has run. Its timer keeps the process alive, so
 * a run waiting on work that nothing else keeps going still ends, at the limit, with an error.
 */
export class Deadline {
  readonly ms: number;
  private expiredFlag = false;
  private readonly timer: NodeJS.Timeout;
  /**
   * The races still waiting. Each is dropped as its work settles: racing every chunk of a long read against one
   * shared promise would keep every chunk's result reachable from that promise until the deadline.
   */
  private readonly waiting = new Set<(error: Error) => void>();

  constructor(ms: number, onExpire: () => void) {
    this.ms = ms;
    this.timer = setTimeout(() => {
      this.expiredFlag = true;
      try {
        onExpire();
      } finally {
        for (const reject of this.waiting) reject(new DeadlineError(ms));
        this.waiting.clear();
      }
    }, ms);
  }

  get expired(): boolean {
    return this.expiredFlag;
  }

  /** `work`'s result, or a DeadlineError once the limit has passed. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.expiredFlag) return Promise.reject(new DeadlineError(this.ms));
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      work.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`did not finish within ${ms / 1000} s`);
    this.name = 'DeadlineError';
  }
}
