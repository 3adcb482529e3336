/**
 * A bounded queue with a concurrency limit for mirrored requests. `offer` never waits and
 * never throws: when the queue is full the job is refused (the caller counts it as dropped),
 * so a slow service can cost at most `size` queued jobs of memory, never the primary.
 */

export interface WorkQueue {
  /** false when the queue is full and the job was dropped. */
  offer(job: () => Promise<void>): boolean;
  /** Forgets the jobs not started yet (shutdown); returns how many. */
  clear(): number;
  /** Resolves once everything queued or running has finished. */
  drain(): Promise<void>;
  readonly pending: number;
  readonly running: number;
}

export function createWorkQueue(size: number, concurrency: number): WorkQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let idle: (() => void)[] = [];

  // One callback for both outcomes: jobs handle their own errors, a rejection must still free
  // the slot (and `.catch().finally()` cost two extra promises per mirror).
  const finished = () => {
    running--;
    next();
  };
  const next = () => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      running++;
      job().then(finished, finished);
    }
    if (running === 0 && waiting.length === 0) {
      const waiters = idle;
      idle = [];
      for (const resolve of waiters) resolve();
    }
  };

  return {
    offer(job) {
      if (waiting.length >= size) return false;
      waiting.push(job);
      next();
      return true;
    },
    clear() {
      const forgotten = waiting.length;
      waiting.length = 0;
      next();
      return forgotten;
    },
    drain() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    get pending() {
      return waiting.length;
    },
    get running() {
      return running;
    },
  };
}
