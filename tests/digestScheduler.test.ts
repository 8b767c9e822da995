import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentLibrary } from "../src/content/loader.js";
import { library } from "./helpers/core.js";
import {
  gone,
  type Instance,
  instance,
  jakarta,
  ManualClock,
  migrated,
  rateLimited,
  recordingLogger,
  subscription,
  tempDataDir,
  transient,
} from "./helpers/digest.js";

const MINUTE = 60_000;
const started: Instance[] = [];
function start(...args: Parameters<typeof instance>): Instance {
  const i = instance(...args);
  started.push(i);
  return i;
}
afterEach(async () => {
  for (const i of started.splice(0)) await i.store.close();
});

const dbPath = () => join(tempDataDir(), "kabar.db");

/** Subscribes chats "1".."n" at 07:00 Jakarta, as if done the evening before. */
async function subscribeMany(i: Instance, n: number, at = jakarta(20, 0, 3)) {
  for (let k = 1; k <= n; k++) await i.store.subscribe(subscription(String(k)), at);
}

function perChat(...platforms: Instance["platform"][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of platforms) for (const s of p.sent) counts.set(s.chatId, (counts.get(s.chatId) ?? 0) + 1);
  return counts;
}

/** Ticks every minute from `from` to `to` for one New York subscription; returns when digests went out. */
async function minuteByMinute(from: number, to: number, time: string): Promise<string[]> {
  const clock = new ManualClock(from);
  const bot = start(dbPath(), clock);
  await bot.store.subscribe(subscription("ny", { time, timeZone: "America/New_York", mode: "always" }), from);
  for (let t = from; t <= to; t += MINUTE) {
    clock.set(t);
    await clock.runUntil(bot.scheduler.tick());
  }
  return bot.platform.sent.map((s) => new Date(s.at).toISOString());
}

describe("digest scheduler: when a digest goes out", () => {
  it("GIVEN a 07:00 Asia/Jakarta subscription THEN nothing at 06:59, one digest at 07:00, none again at 07:01", async () => {
    const clock = new ManualClock(jakarta(6, 59));
    const bot = start(dbPath(), clock);
    await subscribeMany(bot, 1);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(0);
    clock.set(jakarta(7, 0));
    await clock.runUntil(bot.scheduler.tick());
    clock.set(jakarta(7, 1));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(1);
    expect(bot.platform.sent[0]).toMatchObject({ chatId: "1", at: jakarta(7, 0) });
    expect(bot.platform.sent[0]!.reply.kind).toBe("digest");
  });

  it("GIVEN chats in Jakarta, Makassar and London at 07:00 local THEN each gets its digest at its own 07:00", async () => {
    const clock = new ManualClock(Date.UTC(2024, 2, 3, 20, 0));
    const bot = start(dbPath(), clock);
    await bot.store.subscribe(subscription("jkt"), clock.now());
    await bot.store.subscribe(subscription("mks", { timeZone: "Asia/Makassar" }), clock.now());
    await bot.store.subscribe(subscription("ldn", { timeZone: "Europe/London" }), clock.now());
    for (let t = clock.now(); t <= Date.UTC(2024, 2, 4, 8, 0); t += MINUTE) {
      clock.set(t);
      await clock.runUntil(bot.scheduler.tick());
    }
    expect(bot.platform.sent.map((s) => [s.chatId, new Date(s.at).toISOString()])).toEqual([
      ["mks", "2024-03-03T23:00:00.000Z"],
      ["jkt", "2024-03-04T00:00:00.000Z"],
      ["ldn", "2024-03-04T07:00:00.000Z"],
    ]);
  });

  it("GIVEN New York at 02:30 across the spring-forward night THEN one digest a day, the one on the change day at 03:30 EDT", async () => {
    const sent = await minuteByMinute(Date.UTC(2024, 2, 9, 0, 0), Date.UTC(2024, 2, 11, 12, 0), "02:30");
    expect(sent).toEqual([
      "2024-03-09T07:30:00.000Z", // 02:30 EST
      "2024-03-10T07:30:00.000Z", // 02:30 does not exist: 03:30 EDT
      "2024-03-11T06:30:00.000Z", // 02:30 EDT
    ]);
  });

  it("GIVEN New York at 01:30 across the fall-back night THEN the repeated hour delivers once, at the first 01:30", async () => {
    const sent = await minuteByMinute(Date.UTC(2024, 10, 2, 0, 0), Date.UTC(2024, 10, 4, 12, 0), "01:30");
    expect(sent).toEqual([
      "2024-11-02T05:30:00.000Z", // 01:30 EDT
      "2024-11-03T05:30:00.000Z", // the first 01:30 (EDT), not the second (EST, 06:30Z)
      "2024-11-04T06:30:00.000Z", // 01:30 EST
    ]);
  });

  it("GIVEN a chat subscribes at 07:10 for 07:00 THEN today's slot is not sent late; tomorrow's is", async () => {
    const clock = new ManualClock(jakarta(7, 10));
    const bot = start(dbPath(), clock);
    await bot.store.subscribe(subscription("1", { mode: "always" }), clock.now());
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(0);
    clock.set(jakarta(7, 0, 5));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(1);
  });
});

describe("digest scheduler: what a digest holds over days", () => {
  const newer = { ...library.newest(), id: "2023-09-21-follow-up", eventsDate: "2023-09-21" };

  it("GIVEN mode new and nothing new the next day THEN nothing is sent; a new article the day after THEN only it is sent", async () => {
    let content = library;
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock, { library: () => content });
    await subscribeMany(bot, 1);
    await clock.runUntil(bot.scheduler.tick());
    clock.set(jakarta(7, 0, 5));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(1);
    expect((await bot.store.delivery(1, "2024-03-05"))!.status).toBe("empty");

    content = new ContentLibrary([...library.articles, newer]);
    clock.set(jakarta(7, 0, 6));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(2);
    expect(bot.platform.sent[1]!.reply.articleId).toBe(newer.id);
    expect((await bot.store.delivery(1, "2024-03-06"))!.articleIds).toEqual([newer.id]);
  });

  it("GIVEN mode always and nothing new THEN a recap of the newest article is sent", async () => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock);
    await bot.store.subscribe(subscription("1", { mode: "always" }), jakarta(20, 0, 3));
    await clock.runUntil(bot.scheduler.tick());
    clock.set(jakarta(7, 0, 5));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(2);
    expect(bot.platform.sent[1]!.reply.title).toMatch(/^Rekap/);
  });
});

describe("digest scheduler: exactly once", () => {
  it("GIVEN a restart in the middle of a fan-out THEN every claimed slot is delivered once and none is lost", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    const first = start(path, clock);
    await subscribeMany(first, 50);
    // The process dies after 20 sends: the sends then in flight never complete and nothing more happens.
    first.platform.hangAfter = 20;
    void first.scheduler.tick();
    await clock.runUntilIdle();
    expect(first.platform.sent).toHaveLength(20);
    const claimedUnsent = (await first.store.expiredClaims(Number.MAX_SAFE_INTEGER)).length;
    expect(claimedUnsent).toBeGreaterThan(0);
    await first.store.close();

    // Restarted right away: claims of the dead process are still leased, so they wait for the lease to run out.
    const second = start(path, clock);
    await clock.runUntil(second.scheduler.tick());
    expect(perChat(first.platform, second.platform).size).toBe(50 - claimedUnsent);
    clock.advance(3 * MINUTE + 1);
    await clock.runUntil(second.scheduler.tick());

    const counts = perChat(first.platform, second.platform);
    expect(counts.size).toBe(50);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await second.store.expiredClaims(Number.MAX_SAFE_INTEGER)).toHaveLength(0);
  });

  it("GIVEN two scheduler instances on one database ticking together THEN each chat gets one digest", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    const a = start(path, clock, { owner: "a" });
    const b = start(path, clock, { owner: "b" });
    await subscribeMany(a, 40);
    await clock.runUntil(Promise.all([a.scheduler.tick(), b.scheduler.tick()]));
    clock.advance(MINUTE);
    await clock.runUntil(Promise.all([b.scheduler.tick(), a.scheduler.tick()]));
    const counts = perChat(a.platform, b.platform);
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(a.platform.sent.length).toBeGreaterThan(0);
    expect(b.platform.sent.length).toBeGreaterThan(0);
  });

  it("GIVEN a send held by the pacer past its lease THEN the instance that took the claim over sends it and the held one does not", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    // One send per 10 minutes: chat 2 waits in the pacer far longer than the 3-minute lease.
    const slow = start(path, clock, { owner: "slow", pacing: { telegram: { limit: 1, windowMs: 10 * MINUTE } } });
    const other = start(path, clock, { owner: "other" });
    await subscribeMany(slow, 2);
    const held = slow.scheduler.tick();
    await clock.runUntilIdle(jakarta(7, 4));
    expect(slow.platform.sent.map((s) => s.chatId)).toEqual(["1"]);
    clock.set(jakarta(7, 4));

    await clock.runUntil(other.scheduler.tick());
    expect(other.platform.sent.map((s) => s.chatId)).toEqual(["2"]);
    await clock.runUntil(held);
    expect(perChat(slow.platform, other.platform)).toEqual(new Map([["1", 1], ["2", 1]]));
  });

  it("GIVEN a send held by the pacer past its lease while the new owner's send is still in flight THEN the held one does not send", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    const slow = start(path, clock, { owner: "slow", pacing: { telegram: { limit: 1, windowMs: 10 * MINUTE } } });
    const other = start(path, clock, { owner: "other" });
    await subscribeMany(slow, 2);
    // The new owner's send never returns: its claim stays "claimed", so only the owner check protects it.
    other.platform.failures.set("2", ["hang"]);
    const held = slow.scheduler.tick();
    await clock.runUntilIdle(jakarta(7, 4));
    clock.set(jakarta(7, 4));
    void other.scheduler.tick();
    await clock.runUntilIdle(jakarta(7, 5));
    expect(other.platform.attempts.map((s) => s.chatId)).toEqual(["2"]);
    await clock.runUntil(held);
    expect(slow.platform.sent.map((s) => s.chatId)).toEqual(["1"]);
    expect(await slow.store.delivery(1, "2024-03-04")).toMatchObject({ status: "sent", owner: "slow" });
  });

  it("GIVEN a restart after the digest was sent THEN it is not sent again", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    const first = start(path, clock);
    await subscribeMany(first, 3);
    await clock.runUntil(first.scheduler.start());
    await first.scheduler.stop();
    await first.store.close();
    clock.advance(10 * MINUTE);
    const second = start(path, clock);
    await clock.runUntil(second.scheduler.start());
    expect(first.platform.sent).toHaveLength(3);
    expect(second.platform.sent).toHaveLength(0);
    await second.scheduler.stop();
  });

  it("GIVEN the bot was down at 07:00 and starts at 08:30 (inside the grace window) THEN the digest goes out once at start", async () => {
    const clock = new ManualClock(jakarta(8, 30));
    const bot = start(dbPath(), clock);
    await subscribeMany(bot, 2);
    await clock.runUntil(bot.scheduler.start());
    clock.advance(MINUTE);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent.map((s) => s.chatId).sort()).toEqual(["1", "2"]);
    await bot.scheduler.stop();
  });

  it("GIVEN the bot was down at 07:00 and starts at 09:30 (past the grace window) THEN nothing is sent and the skip is logged once", async () => {
    const { logger, lines } = recordingLogger();
    const clock = new ManualClock(jakarta(9, 30));
    const bot = start(dbPath(), clock, { logger });
    await subscribeMany(bot, 1);
    await clock.runUntil(bot.scheduler.tick());
    clock.advance(MINUTE);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(0);
    expect((await bot.store.delivery(1, "2024-03-04"))!.status).toBe("skipped");
    expect(lines().filter((l) => String(l.msg).includes("past the grace window"))).toHaveLength(1);
  });

  it("GIVEN a slot claimed by a crashed process and a restart past the grace window THEN it is skipped with a log line, not sent", async () => {
    const { logger, lines } = recordingLogger();
    const clock = new ManualClock(jakarta(9, 30));
    const bot = start(dbPath(), clock, { logger });
    await subscribeMany(bot, 1);
    await bot.store.claimSlot({ subscriptionId: 1, slot: "2024-03-04", dueAt: jakarta(7, 0), owner: "dead", leaseUntil: jakarta(7, 3), now: jakarta(7, 0) });
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(0);
    expect((await bot.store.delivery(1, "2024-03-04"))!.status).toBe("skipped");
    expect(lines().some((l) => String(l.msg).includes("grace window over"))).toBe(true);
  });

  it("GIVEN a stop while a send waits to be retried THEN the claim is handed back and the next instance sends without waiting for the lease", async () => {
    const path = dbPath();
    const clock = new ManualClock(jakarta(7, 0));
    const first = start(path, clock);
    await subscribeMany(first, 1);
    first.platform.failures.set("1", [rateLimited(60_000)]);
    const tick = first.scheduler.tick();
    await clock.runUntilIdle(clock.now() + 1000);
    await first.scheduler.stop();
    await tick;
    expect(first.platform.sent).toHaveLength(0);
    const second = start(path, clock);
    await clock.runUntil(second.scheduler.tick());
    expect(second.platform.sent).toHaveLength(1);
  });
});

describe("digest scheduler: failures", () => {
  it("GIVEN a chat that blocked the bot (403) THEN its subscription is disabled with the reason and the other chats still get theirs", async () => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock);
    await subscribeMany(bot, 3);
    bot.platform.failures.set("2", [gone(403, "Forbidden: bot was blocked by the user")]);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent.map((s) => s.chatId).sort()).toEqual(["1", "3"]);
    const sub = await bot.store.get("telegram", "2");
    expect(sub).toMatchObject({ active: false });
    expect(sub!.disabledReason).toMatch(/^gone: 403 Forbidden: bot was blocked/);
    clock.set(jakarta(7, 0, 5));
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.attempts.filter((a) => a.chatId === "2")).toHaveLength(1);
  });

  it.each([50001, 50013, 10003, 50007])("GIVEN Discord error %i THEN the subscription is disabled", async (code) => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock, { platformName: "discord" });
    await bot.store.subscribe(subscription("99", { platform: "discord" }), jakarta(6, 0));
    bot.platform.failures.set("99", [gone(code, "Missing Access")]);
    await clock.runUntil(bot.scheduler.tick());
    expect((await bot.store.get("discord", "99"))!.disabledReason).toContain(String(code));
  });

  it("GIVEN a group that migrated to a supergroup THEN the subscription moves to the new id and the digest arrives there once", async () => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock);
    await bot.store.subscribe(subscription("-4001"), jakarta(6, 0));
    bot.platform.failures.set("-4001", [migrated("-1004001")]);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent.map((s) => s.chatId)).toEqual(["-1004001"]);
    expect(await bot.store.get("telegram", "-4001")).toBeUndefined();
    expect(await bot.store.get("telegram", "-1004001")).toMatchObject({ active: true });
  });

  it("GIVEN a 429 with retry-after 5 s THEN the digest is retried after 5 s and delivered once", async () => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock);
    await subscribeMany(bot, 1);
    bot.platform.failures.set("1", [rateLimited(5_000)]);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(1);
    expect(bot.platform.sent[0]!.at - bot.platform.attempts[0]!.at).toBeGreaterThanOrEqual(5_000);
  });

  it("GIVEN 5xx answers that do not stop THEN retries back off, stay inside the grace window, and the slot ends as failed", async () => {
    const { logger, lines } = recordingLogger();
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock, { logger, maxAttempts: 100 });
    await subscribeMany(bot, 1);
    bot.platform.failures.set("1", Array.from({ length: 100 }, transient));
    await clock.runUntil(bot.scheduler.tick());
    const times = bot.platform.attempts.map((a) => a.at);
    expect(times.length).toBeGreaterThan(3);
    expect(times.at(-1)!).toBeLessThanOrEqual(jakarta(9, 0));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]!);
    expect((await bot.store.delivery(1, "2024-03-04"))!.status).toBe("failed");
    expect(lines().some((l) => l.level === 50 && String(l.msg).includes("not delivered"))).toBe(true);
  });

  it("GIVEN a transient failure then success THEN the digest is delivered once", async () => {
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock);
    await subscribeMany(bot, 1);
    bot.platform.failures.set("1", [transient(), transient()]);
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.sent).toHaveLength(1);
    expect(bot.platform.attempts).toHaveLength(3);
  });
});

describe("digest scheduler: errors that are not delivery failures", () => {
  it("GIVEN a send that fails with an error the platform did not classify THEN it is not retried, the slot is failed and logged", async () => {
    const { logger, lines } = recordingLogger();
    const clock = new ManualClock(jakarta(7, 0));
    const bot = start(dbPath(), clock, { logger });
    await subscribeMany(bot, 2);
    bot.platform.send = async (chatId) => {
      bot.platform.attempts.push({ chatId, at: clock.now() });
      throw new Error("Bad Request: can't parse entities");
    };
    await clock.runUntil(bot.scheduler.tick());
    expect(bot.platform.attempts).toHaveLength(2);
    expect((await bot.store.delivery(1, "2024-03-04"))).toMatchObject({ status: "failed", note: "error: Bad Request: can't parse entities" });
    expect(lines().filter((l) => l.level === 50 && String(l.msg).includes("refused"))).toHaveLength(2);
  });
});

describe("claims left behind", () => {
  it("GIVEN a crashed process's claim for a chat that has since unsubscribed THEN the next tick closes it and sends nothing", async () => {
    const clock = new ManualClock(jakarta(7, 1));
    const bot = start(dbPath(), clock);
    const sub = await bot.store.subscribe(subscription("55"), jakarta(20, 0, 3));
    const slot = { subscriptionId: sub.id, slot: "2024-03-04", dueAt: jakarta(7, 0), owner: "crashed", leaseUntil: jakarta(7, 0, 4) + 1, now: jakarta(7, 0) };
    expect(await bot.store.claimSlot(slot)).toBe(true);
    await bot.store.unsubscribe("telegram", "55", jakarta(7, 0, 4) + 2);
    clock.advance(5 * MINUTE);
    await clock.runUntil(bot.scheduler.tick());
    expect(await bot.store.expiredClaims(clock.now())).toEqual([]);
    expect(bot.platform.attempts).toEqual([]);
  });
});
