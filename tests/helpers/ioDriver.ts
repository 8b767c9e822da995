import type { ManualClock } from "../../src/digest/clock.js";

/**
 * Drives a ManualClock while real I/O (HTTP to a local peer) happens: time
 * jumps to the next sleeper only when no send is in flight, so each request
 * reaches the peer at the manual instant its pacer let it go, and the peer's
 * rate limits (on the same clock) see exactly the spacing the code produced.
 */
export class IoTracker {
  inFlight = 0;
  /** Wraps a send so the driver waits for it before moving time. */
  track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    return work().finally(() => {
      this.inFlight--;
    });
  }
}

const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

export async function driveUntil<T>(clock: ManualClock, io: IoTracker, done: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
  let settled = false;
  const result = done.finally(() => {
    settled = true;
  });
  result.catch(() => undefined);
  const end = clock.now() + limitMs;
  for (;;) {
    await turns();
    if (settled) return result;
    if (io.inFlight > 0) {
      await realPause(1);
      continue;
    }
    const next = clock.nextWake;
    if (next === undefined || next > end) {
      await realPause(5);
      if (settled || io.inFlight > 0) continue;
      if (clock.nextWake === undefined) throw new Error("driveUntil: nothing in flight and nobody sleeping, yet not done");
      continue;
    }
    clock.set(next);
  }
}
