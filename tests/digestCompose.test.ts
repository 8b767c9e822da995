import { describe, expect, it } from "vitest";
import { ContentLibrary } from "../src/content/loader.js";
import { encodeCall } from "../src/core/callbackData.js";
import { ManualClock } from "../src/digest/clock.js";
import { composeDigest, firstSentence, MAX_DIGEST_ARTICLES } from "../src/digest/compose.js";
import { PacingLimiter, TELEGRAM_PACING } from "../src/digest/pacing.js";
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

  it("GIVEN a pause after a 429 THEN nobody sends until it ends", async () => {
    const clock = new ManualClock(0);
    const limiter = new PacingLimiter(TELEGRAM_PACING, clock);
    limiter.pause(4000);
    await clock.runUntil(limiter.acquire("1"));
    expect(clock.now()).toBe(4000);
  });
});
