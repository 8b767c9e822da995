import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/digest/clock.js";
import { ClockIdentifyThrottler } from "../src/platforms/discord/identifyThrottler.js";

/**
 * Discord's session start limit: one IDENTIFY per 5 seconds per bucket, the
 * bucket being shard id % max_concurrency
 * (https://discord.com/developers/docs/events/gateway#session-start-limit-object).
 * On a manual clock: nothing here waits.
 */
const never = new AbortController().signal;

/** Starts waits for `shards` at once and returns, in order, the clock times at which each was let through. */
async function identifyTimes(throttler: ClockIdentifyThrottler, clock: ManualClock, shards: number[]): Promise<number[]> {
  const times: number[] = [];
  const waits = shards.map((id) => throttler.waitForIdentify(id, never).then(() => times.push(clock.now())));
  await clock.runUntil(Promise.all(waits));
  return times;
}

describe("IDENTIFY throttle", () => {
  it("GIVEN max_concurrency 1 and three shards at once THEN they identify at 0, 5 and 10 s", async () => {
    const clock = new ManualClock(0);
    expect(await identifyTimes(new ClockIdentifyThrottler(1, clock), clock, [0, 1, 2])).toEqual([0, 5_000, 10_000]);
  });

  it("GIVEN max_concurrency 2 THEN shards of different buckets identify together, the same bucket 5 s apart", async () => {
    const clock = new ManualClock(0);
    expect(await identifyTimes(new ClockIdentifyThrottler(2, clock), clock, [0, 1, 2, 3])).toEqual([0, 0, 5_000, 5_000]);
  });

  it("GIVEN a second IDENTIFY 4 s after the first THEN it waits the remaining 1 s; one 6 s later does not wait", async () => {
    const clock = new ManualClock(0);
    const throttler = new ClockIdentifyThrottler(1, clock);
    await throttler.waitForIdentify(0, never);
    clock.advance(4_000);
    expect(await identifyTimes(throttler, clock, [0])).toEqual([5_000]);
    clock.advance(6_000);
    expect(await identifyTimes(throttler, clock, [0])).toEqual([11_000]);
  });

  it("GIVEN a wait aborted (the client destroyed) THEN it rejects, and the bucket's next shard still gets its turn", async () => {
    const clock = new ManualClock(0);
    const throttler = new ClockIdentifyThrottler(1, clock);
    await throttler.waitForIdentify(0, never);
    const controller = new AbortController();
    const aborted = throttler.waitForIdentify(0, controller.signal);
    const next = throttler.waitForIdentify(0, never);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("destroyed"));
    await expect(aborted).rejects.toThrow("destroyed");
    await clock.runUntil(next);
    expect(clock.now()).toBe(5_000);
  });
});
