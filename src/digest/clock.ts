/**
 * Time as the scheduler sees it. Production uses the system clock; tests
 * inject a manual clock so schedules, grace windows and back-off are checked
 * without waiting on the wall clock.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * The system clock shifted by a fixed offset: runs at real speed from another
 * starting point (the benchmark uses it to stand one minute after subscribing).
 */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => Date.now() + offsetMs, sleep: systemClock.sleep };
}

/**
 * A clock that only moves when told to. `sleep` resolves once `advance` or
 * `set` passes its deadline; `runUntilIdle` lets pending sleepers finish in
 * time order, which is how back-off and pacing are tested without real waits.
 */
export class ManualClock implements Clock {
  private sleepers: { at: number; resolve: () => void }[] = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.current + ms, resolve });
      this.sleepers.sort((a, b) => a.at - b.at);
    });
  }

  /** Pending sleeps (for tests that assert nobody is waiting). */
  get pending(): number {
    return this.sleepers.length;
  }

  /** When the earliest sleeper wakes (undefined: nobody sleeps), for drivers that step time themselves. */
  get nextWake(): number | undefined {
    return this.sleepers[0]?.at;
  }

  set(at: number): void {
    this.current = at;
    this.wake();
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }

  private wake(): void {
    while (this.sleepers[0] && this.sleepers[0].at <= this.current) this.sleepers.shift()!.resolve();
  }

  /** Lets pending work run, jumping to each sleeper's deadline in turn, until nobody sleeps. */
  async runUntilIdle(limit = this.current + 24 * 3600_000): Promise<void> {
    for (;;) {
      await flush();
      const next = this.sleepers[0];
      if (!next || next.at > limit) return;
      this.set(next.at);
    }
  }

  /**
   * Repeatedly lets microtasks settle and jumps to the next sleeper's deadline,
   * until `done` settles. Throws when nothing is left to wake (or `limit` is
   * reached) and `done` still has not settled.
   */
  async runUntil<T>(done: Promise<T>, limit = this.current + 24 * 3600_000): Promise<T> {
    let settled = false;
    const result = done.finally(() => {
      settled = true;
    });
    for (;;) {
      await flush();
      if (settled) return result;
      const next = this.sleepers[0];
      if (!next || next.at > limit) {
        await flush();
        if (settled) return result;
        throw new Error("ManualClock.runUntil: the promise waits on something other than this clock");
      }
      this.set(next.at);
    }
  }
}

/** Lets every pending promise callback run (several macrotask turns, for chained awaits and I/O-free DB calls). */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
