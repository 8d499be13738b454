/**
 * Counts requests being processed so that shutdown can wait for in-flight turns to finish.
 */
export class InflightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];
  /** Set at shutdown: new turns are refused (503, channels retry) while the ones in flight finish. */
  draining = false;

  get active(): number {
    return this.count;
  }

  /** Wraps one unit of work; the counter goes down however it ends. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) this.waiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when nothing is in flight, or after `timeoutMs` (returns false then). */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
