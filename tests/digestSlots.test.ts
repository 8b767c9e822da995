import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  latestSlot,
  nextSlot,
  offsetAt,
  parseLocalTime,
  slotOfDay,
  zonedInstant,
} from "../src/digest/slots.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("slot maths", () => {
  it("GIVEN 07:00 in Asia/Jakarta THEN the slot is 00:00 UTC of that local day", () => {
    const slot = slotOfDay(Date.UTC(2024, 2, 4, 5, 0), { hour: 7, minute: 0 }, "Asia/Jakarta");
    expect(slot).toEqual({ key: "2024-03-04", dueAt: Date.UTC(2024, 2, 4, 0, 0) });
  });

  it.each([
    ["Asia/Jakarta", "2024-03-04T00:00:00.000Z"],
    ["Asia/Makassar", "2024-03-03T23:00:00.000Z"],
    ["Asia/Jayapura", "2024-03-03T22:00:00.000Z"],
    ["Europe/London", "2024-03-04T07:00:00.000Z"],
    ["America/New_York", "2024-03-04T12:00:00.000Z"],
    ["Asia/Kolkata", "2024-03-04T01:30:00.000Z"],
  ])("GIVEN 07:00 on 4 March 2024 in %s THEN it is %s", (zone, expected) => {
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 4 }, { hour: 7, minute: 0 }, zone))).toBe(expected);
  });

  it("GIVEN the spring-forward day in New York THEN 07:00 is 11:00 UTC (EDT) and the day before 12:00 UTC (EST)", () => {
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 9 }, { hour: 7, minute: 0 }, "America/New_York"))).toBe("2024-03-09T12:00:00.000Z");
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 10 }, { hour: 7, minute: 0 }, "America/New_York"))).toBe("2024-03-10T11:00:00.000Z");
  });

  it("GIVEN 02:30 on the spring-forward day (a time that does not exist) THEN the slot moves forward by the gap to 03:30 EDT", () => {
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 10 }, { hour: 2, minute: 30 }, "America/New_York"))).toBe("2024-03-10T07:30:00.000Z");
  });

  it("GIVEN 01:30 on the fall-back day (a time that happens twice) THEN the slot is the first one, 01:30 EDT", () => {
    expect(iso(zonedInstant({ year: 2024, month: 11, day: 3 }, { hour: 1, minute: 30 }, "America/New_York"))).toBe("2024-11-03T05:30:00.000Z");
  });

  it("GIVEN Europe/Berlin across its spring change THEN 07:00 moves from 06:00 UTC to 05:00 UTC", () => {
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 30 }, { hour: 7, minute: 0 }, "Europe/Berlin"))).toBe("2024-03-30T06:00:00.000Z");
    expect(iso(zonedInstant({ year: 2024, month: 3, day: 31 }, { hour: 7, minute: 0 }, "Europe/Berlin"))).toBe("2024-03-31T05:00:00.000Z");
  });

  it("GIVEN a moment before today's time THEN the latest slot is yesterday's and the next is today's", () => {
    const now = Date.UTC(2024, 2, 3, 23, 0); // 06:00 on 4 March in Jakarta
    expect(latestSlot(now, { hour: 7, minute: 0 }, "Asia/Jakarta")).toEqual({ key: "2024-03-03", dueAt: Date.UTC(2024, 2, 3, 0, 0) });
    expect(nextSlot(now, { hour: 7, minute: 0 }, "Asia/Jakarta")).toEqual({ key: "2024-03-04", dueAt: Date.UTC(2024, 2, 4, 0, 0) });
  });

  it("GIVEN exactly the slot's instant THEN it is the latest slot (due now), and the next one is tomorrow's", () => {
    const now = Date.UTC(2024, 2, 4, 0, 0);
    expect(latestSlot(now, { hour: 7, minute: 0 }, "Asia/Jakarta").key).toBe("2024-03-04");
    expect(nextSlot(now, { hour: 7, minute: 0 }, "Asia/Jakarta").key).toBe("2024-03-05");
  });

  it("GIVEN 00:30 in Caracas on 1 May 2016, the day its clocks went forward half an hour (02:30 -> 03:00) THEN it is 00:30 at the old offset (-04:30)", () => {
    expect(iso(zonedInstant({ year: 2016, month: 5, day: 1 }, { hour: 0, minute: 30 }, "America/Caracas"))).toBe("2016-05-01T05:00:00.000Z");
  });

  it("GIVEN 12:00 on 29 December 2011 in Samoa, the eve of the day it skipped crossing the date line (-10:00 -> +14:00) THEN it is noon that day, not the day before", () => {
    expect(iso(zonedInstant({ year: 2011, month: 12, day: 29 }, { hour: 12, minute: 0 }, "Pacific/Apia"))).toBe("2011-12-29T22:00:00.000Z");
  });

  it("GIVEN the Lord Howe zone (a 30-minute daylight saving shift) THEN the offset changes by 30 minutes", () => {
    const winter = offsetAt(Date.UTC(2024, 6, 1), "Australia/Lord_Howe");
    const summer = offsetAt(Date.UTC(2024, 0, 1), "Australia/Lord_Howe");
    expect(summer - winter).toBe(30 * 60_000);
  });
});

describe("parsing a time", () => {
  it.each([
    ["07:00", { hour: 7, minute: 0 }],
    ["7:30", { hour: 7, minute: 30 }],
    ["07.30", { hour: 7, minute: 30 }],
    ["23:59", { hour: 23, minute: 59 }],
    ["00:00", { hour: 0, minute: 0 }],
  ])("GIVEN %s THEN %o", (text, expected) => {
    expect(parseLocalTime(text)).toEqual(expected);
  });

  it.each(["24:00", "7", "7am", "07:60", "7:5", "", "ab:cd", "-1:00", "07:00:00"])("GIVEN %j THEN it is not a time", (text) => {
    expect(parseLocalTime(text)).toBeUndefined();
  });
});

describe("validating a timezone", () => {
  it.each([
    ["Asia/Jakarta", "Asia/Jakarta"],
    ["asia/jakarta", "Asia/Jakarta"],
    ["WIB", "Asia/Jakarta"],
    ["wita", "Asia/Makassar"],
    ["WIT", "Asia/Jayapura"],
    ["UTC", "UTC"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Asia/Kolkata", "Asia/Kolkata"],
  ])("GIVEN %s THEN %s", (text, expected) => {
    expect(canonicalTimeZone(text)).toBe(expected);
  });

  it.each(["Mars/Olympus", "Jakarta", "+07:00", "GMT+7", "Asia/Jakarta; DROP TABLE", "", "07:00"])("GIVEN %j THEN it is refused", (text) => {
    expect(canonicalTimeZone(text)).toBeUndefined();
  });
});
