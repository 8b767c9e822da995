import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/digest/clock.js";
import { DISCORD_PACING, PacingLimiter, TELEGRAM_PACING } from "../src/digest/pacing.js";
import { canonicalTimeZone, formatLocalTime, nextSlot, parseLocalTime, zonedInstant } from "../src/digest/slots.js";

/** Delivery times as people type them, slots around daylight-saving changes, and the pacer's gaps. */
describe("times and zones as typed", () => {
  it("GIVEN a time with spaces around it THEN it is read", () => {
    expect(parseLocalTime(" 07.30 ")).toEqual({ hour: 7, minute: 30 });
  });

  it.each([
    [{ hour: 7, minute: 5 }, "07:05"],
    [{ hour: 23, minute: 59 }, "23:59"],
  ])("GIVEN %j THEN it is shown as %s", (time, shown) => {
    expect(formatLocalTime(time)).toBe(shown);
  });

  it.each([
    ["utc", "UTC"],
    ["GMT", "UTC"],
    [" asia/jakarta ", "Asia/Jakarta"],
    ["US/Pacific", "US/Pacific"],
    ["us/pacific", "America/Los_Angeles"],
    ["+07:00", undefined],
  ])("GIVEN %j THEN the zone is %s", (typed, zone) => {
    expect(canonicalTimeZone(typed)).toBe(zone);
  });
});

describe("slots around daylight saving (Europe/Berlin, 2024)", () => {
  it("GIVEN 01:30 on the night the clocks go forward at 02:00 THEN it is 01:30 in winter time", () => {
    expect(zonedInstant({ year: 2024, month: 3, day: 31 }, { hour: 1, minute: 30 }, "Europe/Berlin")).toBe(Date.UTC(2024, 2, 31, 0, 30));
  });

  it("GIVEN 02:30, a time that does not exist that night THEN it is carried forward to 03:30 summer time", () => {
    expect(zonedInstant({ year: 2024, month: 3, day: 31 }, { hour: 2, minute: 30 }, "Europe/Berlin")).toBe(Date.UTC(2024, 2, 31, 1, 30));
  });

  it("GIVEN 02:30 on the night the clocks go back, which comes twice THEN it is the first", () => {
    expect(zonedInstant({ year: 2024, month: 10, day: 27 }, { hour: 2, minute: 30 }, "Europe/Berlin")).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it("GIVEN a slot THEN its key is the local date written YYYY-MM-DD", () => {
    expect(nextSlot(Date.UTC(2024, 0, 4, 20, 0), { hour: 7, minute: 0 }, "Asia/Jakarta").key).toBe("2024-01-05");
  });
});

describe("the pacer's gaps", () => {
  async function secondSendAfter(chatId: string): Promise<number> {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter(TELEGRAM_PACING, clock);
    await limiter.acquire(chatId);
    const second = limiter.acquire(chatId);
    await clock.runUntilIdle();
    await second;
    return clock.now();
  }

  it("GIVEN two digests to one private chat THEN the second waits 1 s", async () => {
    expect(await secondSendAfter("12345")).toBe(1000);
  });

  it("GIVEN two digests to one group (a negative id) THEN the second waits 3 s", async () => {
    expect(await secondSendAfter("-123")).toBe(3000);
  });

  it("GIVEN 46 sends on Discord at once THEN 45 go within the second and the 46th waits for the window", async () => {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter(DISCORD_PACING, clock);
    const times: number[] = [];
    const all = Array.from({ length: 46 }, (_, i) => limiter.acquire(`c${i}`).then(() => times.push(clock.now())));
    await clock.runUntilIdle();
    await Promise.all(all);
    expect(times.filter((t) => t < 1000)).toHaveLength(45);
    expect(times[45]).toBeGreaterThanOrEqual(1000);
  });
});
