import { describe, expect, it } from "vitest";
import { ContentLibrary } from "../src/content/loader.js";
import { encodeCall } from "../src/core/callbackData.js";
import { ManualClock } from "../src/digest/clock.js";
import { composeDigest, DIGEST_SIZE_LIMIT, firstSentence, MAX_DIGEST_ARTICLES, renderedSizeBound } from "../src/digest/compose.js";
import { PacingLimiter, TELEGRAM_PACING } from "../src/digest/pacing.js";
import { renderReply } from "../src/platforms/discord/render.js";
import { renderTelegramHtml } from "../src/platforms/telegram/html.js";
import { article, library } from "./helpers/core.js";

describe("composing a digest", () => {
  it("GIVEN a chat that has received nothing THEN the digest holds the article's summary, one line per actor, the background and the source", () => {
    const digest = composeDigest(library, new Set(), "en", "new")!;
    const { reply } = digest;
    expect(reply.kind).toBe("digest");
    expect(reply.title).toContain(article.title.en);
    expect(reply.blocks).toEqual([article.summary.short.en]);
    for (const actor of article.actors) {
      const field = reply.fields.find((f) => f.name === `${actor.flag} ${actor.name.en}`);
      expect(field?.value).toBe(firstSentence(actor.reaction.en));
      expect(field!.value.split("\n")).toHaveLength(1);
    }
    expect(reply.fields.find((f) => f.name === "Background")?.value).toContain("/background russia-role");
    expect(reply.source).toMatch(/Tribunnews\.com/);
    expect(digest.articleIds).toEqual([article.id]);
  });

  it("GIVEN the digest THEN every button fits Telegram's 64-byte callback data and reads more", () => {
    const { reply } = composeDigest(library, new Set(), "id", "new")!;
    expect(reply.followUps.map((f) => f.call.command)).toEqual(expect.arrayContaining(["summary", "actors", "background"]));
    for (const f of reply.followUps) expect(() => encodeCall(f.call)).not.toThrow();
  });

  it("GIVEN a chat that has received every article and mode new THEN there is no digest", () => {
    expect(composeDigest(library, new Set([article.id]), "id", "new")).toBeUndefined();
  });

  it("GIVEN a chat that has received every article and mode always THEN a recap of the newest article", () => {
    const digest = composeDigest(library, new Set([article.id]), "id", "always")!;
    expect(digest.reply.title).toBe(`Rekap (tidak ada artikel baru): ${article.title.id}`);
  });

  it("GIVEN more new articles than a digest holds THEN only the newest few, newest first", () => {
    const copies = Array.from({ length: 5 }, (_, i) => ({ ...article, id: `copy-${i}`, eventsDate: `2024-01-0${i + 1}` }));
    const digest = composeDigest(new ContentLibrary([article, ...copies]), new Set(), "en", "new")!;
    expect(digest.articleIds).toEqual(["copy-4", "copy-3", "copy-2"].slice(0, MAX_DIGEST_ARTICLES));
    expect(digest.reply.title).toBe(`Daily Kabar: ${MAX_DIGEST_ARTICLES} new articles`);
  });

  it("GIVEN three new copies of the bundled article THEN all three fit one Telegram message and one Discord message", () => {
    const copies = Array.from({ length: 3 }, (_, i) => ({ ...article, id: `copy-${i}`, eventsDate: `2024-01-0${i + 1}` }));
    for (const lang of ["id", "en"] as const) {
      const { reply, articleIds } = composeDigest(new ContentLibrary(copies), new Set(), lang, "new")!;
      expect(articleIds).toHaveLength(3);
      expect(renderTelegramHtml(reply)).toHaveLength(1);
      expect(renderReply(reply)).toHaveLength(1);
    }
  });

  // A digest in several messages cannot be sent atomically: a retry after a failed second part would resend the first.
  const hostile = "Tom & Jerry <script> **bold** _x_ @everyone ";
  const bigActors = Array.from({ length: 12 }, (_, i) => ({
    ...article.actors[0]!,
    id: `actor-${i}`,
    reaction: { id: `${hostile.repeat(4)}Reaksi panjang.`, en: `${hostile.repeat(4)}A long reaction.` },
  }));
  const big = (i: number) => ({
    ...article,
    id: `big-${i}`,
    eventsDate: `2024-02-0${i + 1}`,
    summary: { ...article.summary, short: { id: hostile.repeat(20), en: hostile.repeat(20) } },
    actors: bigActors,
  });

  it("GIVEN new articles too big to share one message THEN the digest holds the newest that fit, in one message on each platform, and the rest wait", () => {
    const { reply, articleIds } = composeDigest(new ContentLibrary([big(0), big(1), big(2)]), new Set(), "en", "new")!;
    expect(articleIds.length).toBeLessThan(3);
    expect(articleIds[0]).toBe("big-2");
    expect(renderedSizeBound(reply)).toBeLessThanOrEqual(DIGEST_SIZE_LIMIT);
    expect(renderTelegramHtml(reply)).toHaveLength(1);
    expect(renderReply(reply)).toHaveLength(1);
    const next = composeDigest(new ContentLibrary([big(0), big(1), big(2)]), new Set(articleIds), "en", "new")!;
    expect(next.articleIds[0]).not.toBe("big-2");
  });

  it("GIVEN one article too big for one message THEN the lines that do not fit give way to a pointer to /actors", () => {
    const huge = { ...big(0), actors: Array.from({ length: 40 }, (_, i) => ({ ...bigActors[0]!, id: `actor-${i}` })) };
    const { reply, articleIds } = composeDigest(new ContentLibrary([huge]), new Set(), "id", "new")!;
    expect(articleIds).toEqual(["big-0"]);
    expect(renderTelegramHtml(reply)).toHaveLength(1);
    expect(renderReply(reply)).toHaveLength(1);
    expect(reply.fields.at(-1)).toEqual({ name: "Semua reaksi", value: "/actors" });
    expect(reply.fields.length).toBeGreaterThan(1);
  });

  it("GIVEN a long reaction THEN its line is the first sentence, cut with an ellipsis if still too long", () => {
    expect(firstSentence("One. Two.")).toBe("One.");
    expect(firstSentence("x".repeat(300), 20)).toBe(`${"x".repeat(19)}…`);
  });
});

describe("pacing a fan-out", () => {
  async function sendTimes(chats: string[]): Promise<number[]> {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter(TELEGRAM_PACING, clock);
    const times: number[] = [];
    const all = Promise.all(chats.map((c) => limiter.acquire(c).then(() => times.push(clock.now()))));
    await clock.runUntil(all);
    return times.sort((a, b) => a - b);
  }

  it("GIVEN 200 chats at once THEN never more than 30 sends in any second, and close to 30 a second overall", async () => {
    const times = await sendTimes(Array.from({ length: 200 }, (_, i) => String(i + 1)));
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
    // Evenly spread, not in bursts: one send every 1,050/30 = 35 ms.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(35);
    const perSecond = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(perSecond).toBeGreaterThan(27);
  });

  it("GIVEN several sends to one group THEN they are at least 3 s apart (20 a minute); to one private chat 1 s", async () => {
    const group = await sendTimes(["-100", "-100", "-100"]);
    expect(group[1]! - group[0]!).toBeGreaterThanOrEqual(3000);
    expect(group[2]! - group[1]!).toBeGreaterThanOrEqual(3000);
    const dm = await sendTimes(["7", "7"]);
    expect(dm[1]! - dm[0]!).toBeGreaterThanOrEqual(1000);
  });

  it("GIVEN a full window whose first send was answered late THEN the next send waits a window from that answer", async () => {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter({ limit: 2, windowMs: 1000 }, clock);
    const first = await limiter.acquire("1");
    await clock.runUntil(limiter.acquire("2"));
    // The first request reached the platform late (at 300 ms, answered then): it counts from there.
    first(300);
    await clock.runUntil(limiter.acquire("3"));
    expect(clock.now()).toBe(1300);
  });

  it("GIVEN 1,000 sends/s and timers that wake a millisecond late THEN the pace still nears 1,000/s and never exceeds the window", async () => {
    const clock = new ManualClock(0);
    // Like setTimeout: whole milliseconds, and a little late.
    const coarse = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(Math.ceil(ms) + 1) };
    const limiter = new PacingLimiter({ limit: 1000, windowMs: 1050 }, coarse);
    const times: number[] = [];
    const all = Promise.all(Array.from({ length: 2500 }, (_, i) => limiter.acquire(String(i)).then(() => times.push(clock.now()))));
    await clock.runUntil(all);
    for (let i = 1000; i < times.length; i++) expect(times[i]! - times[i - 1000]!).toBeGreaterThanOrEqual(1050);
    expect((times.length - 1) / (times.at(-1)! / 1000)).toBeGreaterThan(900);
  });

  it("GIVEN a timer that wakes 300 ms late mid fan-out (a stalled event loop) THEN the sends after it start a new even grid, no burst", async () => {
    const clock = new ManualClock(0);
    let sleeps = 0;
    const stalling = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms + (++sleeps === 5 ? 300 : 0)) };
    const limiter = new PacingLimiter(TELEGRAM_PACING, stalling);
    const times: number[] = [];
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => limiter.acquire(String(i + 1)).then(() => times.push(clock.now()))));
    await clock.runUntil(all);
    times.sort((a, b) => a - b);
    const stall = times.findIndex((t, i) => i > 0 && t - times[i - 1]! >= 300);
    expect(stall).toBeGreaterThan(0);
    // Half a spacing (1,050/30/2 = 17.5 ms) is all a late timer may catch up; the 300 ms lost are not sent at once.
    for (let i = stall + 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(17.5);
  });

  it("GIVEN a pause after a 429 THEN nobody sends until it ends", async () => {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter(TELEGRAM_PACING, clock);
    limiter.pause(4000);
    await clock.runUntil(limiter.acquire("1"));
    expect(clock.now()).toBe(4000);
  });
});
