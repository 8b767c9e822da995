import { describe, expect, it } from "vitest";
import { type Admission, RequestLimiter } from "../src/core/rateLimit.js";

/** The per-user limit on a clock the test moves: no sleeping. */
function limiterAt(start = 1_000_000) {
  let now = start;
  const limiter = new RequestLimiter({ group: 10, private: 30, windowMs: 60_000 }, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

function burst(limiter: RequestLimiter, key: string, scope: "group" | "private", n: number): Admission[] {
  return Array.from({ length: n }, () => limiter.admit(key, scope));
}

describe("the per-user request limit", () => {
  it("GIVEN 30 requests from one user in a group at once THEN 10 answers, one notice, 19 dropped", () => {
    const { limiter } = limiterAt();
    const got = burst(limiter, "telegram:-100|telegram:7", "group", 30);
    expect(got.filter((a) => a === "answer")).toHaveLength(10);
    expect(got[10]).toBe("notice");
    expect(got.slice(11).every((a) => a === "drop")).toBe(true);
  });

  it("GIVEN a private chat THEN 30 requests a minute are answered before the notice", () => {
    const { limiter } = limiterAt();
    const got = burst(limiter, "telegram:7|telegram:7", "private", 32);
    expect(got.filter((a) => a === "answer")).toHaveLength(30);
    expect(got.slice(30)).toEqual(["notice", "drop"]);
  });

  it("GIVEN the limit reached THEN requests are answered again once the window has passed the oldest one", () => {
    const { limiter, advance } = limiterAt();
    burst(limiter, "u", "group", 12);
    advance(59_999);
    expect(limiter.admit("u", "group")).toBe("drop");
    advance(1);
    // All ten left the window together: room for ten again, and a fresh notice after them.
    expect(burst(limiter, "u", "group", 11)).toEqual([...Array(10).fill("answer"), "notice"]);
  });

  it("GIVEN a sliding window THEN ten at 0:59 and ten more at 1:01 are not twenty in two seconds", () => {
    const { limiter, advance } = limiterAt();
    advance(59_000);
    burst(limiter, "u", "group", 10);
    advance(2_000);
    expect(limiter.admit("u", "group")).toBe("notice");
  });

  it("GIVEN two users, or one user in two chats THEN each has a budget of their own", () => {
    const { limiter } = limiterAt();
    burst(limiter, "g1|a", "group", 11);
    expect(limiter.admit("g1|b", "group")).toBe("answer");
    expect(limiter.admit("g2|a", "group")).toBe("answer");
  });

  it("GIVEN users who went quiet THEN they are forgotten after a window (memory stays bounded)", () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 1000; i++) limiter.admit(`u${i}`, "private");
    expect(limiter.size).toBe(1000);
    advance(60_001);
    limiter.admit("late", "private");
    expect(limiter.size).toBe(1);
  });

  it("GIVEN a user over the limit THEN retryAfterMs says when the oldest answered request leaves the window", () => {
    const { limiter, advance } = limiterAt();
    burst(limiter, "u", "group", 10);
    advance(15_000);
    expect(limiter.retryAfterMs("u")).toBe(45_000);
  });
});
