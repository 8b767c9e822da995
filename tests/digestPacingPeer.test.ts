import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LibraryHolder } from "../src/content/reload.js";
import type { Platform } from "../src/core/platform.js";
import { makeReply } from "../src/core/reply.js";
import { ManualClock } from "../src/digest/clock.js";
import { PacingLimiter, TELEGRAM_PACING } from "../src/digest/pacing.js";
import { createDigestRuntime } from "../src/digest/runtime.js";
import { TelegramPlatform } from "../src/platforms/telegram/telegramPlatform.js";
import { library, recordingLogger, testKabar } from "./helpers/core.js";
import { jakarta, subscription } from "./helpers/digest.js";
import { driveUntil, IoTracker } from "./helpers/ioDriver.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * Digest fan-outs and the pacer against the Telegram peer's rate limits
 * (tests/peers/telegramLimits.ts: 30 a second overall, 1 a second per private
 * chat, 20 a minute per group), through the real grammY client. The peer and
 * the pacer share one ManualClock; time moves only while no request is in
 * flight (ioDriver.ts), so each request reaches the peer at the instant the
 * pacer let it go. A pacing that breaks a limit gets 429s, and these tests fail.
 */
const clock = new ManualClock(jakarta(6, 0));
let peer: TelegramPeer;
let platform: TelegramPlatform;
const io = new IoTracker();
/** The real Telegram platform; the wrapper only tells the driver a send is in flight. */
let tracked: Platform;

beforeAll(async () => {
  peer = await startTelegramPeer({ now: () => clock.now() });
  platform = new TelegramPlatform({ token: TEST_TOKEN, apiRoot: peer.apiRoot, kabar: testKabar(), logger: recordingLogger().logger, dataDir: mkdtempSync(join(tmpdir(), "kabar-pace-")) });
  tracked = { name: "telegram", start: async () => {}, stop: async () => {}, send: (chatId, reply) => io.track(() => platform.send(chatId, reply)) };
});
afterAll(async () => {
  await peer?.stop();
});

const refused = () => peer.calls.filter((c) => c.method === "sendMessage" && c.response?.error_code === 429);
const note = makeReply({ kind: "notice", lang: "en", title: "", blocks: ["paced"] });

/** Sends `count` messages to `chatId` one after another, each when the production pacer allows. */
async function pacedSends(chatId: string, count: number): Promise<number[]> {
  const limiter = new PacingLimiter(TELEGRAM_PACING, clock);
  const times: number[] = [];
  const run = (async () => {
    for (let i = 0; i < count; i++) {
      const done = await limiter.acquire(chatId);
      times.push(clock.now());
      await tracked.send(chatId, note);
      done(clock.now());
    }
  })();
  await driveUntil(clock, io, run);
  return times;
}

describe("pacing against Telegram's limits, end to end", () => {
  it("GIVEN 25 messages for one basic group (-123) THEN the pacer spaces them so Telegram never refuses one (20 a minute)", async () => {
    const before = refused().length;
    const times = await pacedSends("-123", 25);
    expect(refused().length - before).toBe(0);
    expect(peer.sent(-123)).toHaveLength(25);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(24 * 3_000);
  });

  it("GIVEN 10 messages for one private chat THEN never faster than Telegram allows (1 a second)", async () => {
    const before = refused().length;
    await pacedSends("4242", 10);
    expect(refused().length - before).toBe(0);
    expect(peer.sent(4242)).toHaveLength(10);
  });

  it("GIVEN the production digest wiring and 150 chats due at 07:00 (private chats and groups) THEN every chat gets one digest and Telegram refuses none", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "kabar-fanout-"));
    const runtime = createDigestRuntime({ config: { DATA_DIR: dataDir, DIGEST_GRACE_MINUTES: 120 }, holder: new LibraryHolder(library), clock, logger: recordingLogger().logger });
    runtime.scheduler.addPlatform(tracked);
    const chats = Array.from({ length: 150 }, (_, i) => (i % 5 === 0 ? String(-(7000 + i)) : String(7000 + i)));
    for (const chat of chats) await runtime.store.subscribe(subscription(chat), jakarta(6, 0));
    clock.set(jakarta(7, 0));
    const before = refused().length;
    await driveUntil(clock, io, runtime.scheduler.tick());
    expect(refused().length - before).toBe(0);
    for (const chat of chats) expect(peer.sent(chat).length, `chat ${chat}`).toBeGreaterThanOrEqual(1);
    const digests = chats.map((chat) => peer.sent(chat).filter((m) => String(m.text).includes("Tribunnews")).length);
    expect(digests.every((n) => n === 1)).toBe(true);
    await runtime.store.close();
  });
});
