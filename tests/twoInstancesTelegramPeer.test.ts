import { afterAll, describe, expect, it } from "vitest";
import { PostgresSubscriptionStore } from "../src/store/postgres/store.js";
import { type MainProcess, startMain } from "./helpers/mainProcess.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";
import { freePort, startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * The "done when", as an operator would run it: two `npm start`
 * processes with the same DATABASE_URL against the Telegram peer
 * (telegram-test-api behind our rules) deliver one digest per subscribed chat,
 * and each answers /healthz, /readyz and /metrics on its own HTTP_PORT.
 */
notePostgresSkipped();
const CHATS = Array.from({ length: 12 }, (_, i) => 810_001 + i);
const isDigest = (m: Record<string, any>) => String(m.text).startsWith("<b>Daily Kabar");
let peer: TelegramPeer | undefined;
const bots: MainProcess[] = [];
afterAll(async () => {
  for (const bot of bots) bot.cleanup();
  await peer?.stop();
});

describe.skipIf(!postgresUrl)("two npm start processes on one PostgreSQL, Telegram peer", () => {
  it("GIVEN chats due this minute THEN each gets exactly one digest, and both instances answer /healthz, /readyz and /metrics", async () => {
    const url = await freshPostgresDatabase();
    const store = await PostgresSubscriptionStore.open(url);
    const now = new Date();
    const time = `${String(now.getUTCHours()).padStart(2, "0")}:${String(now.getUTCMinutes()).padStart(2, "0")}`;
    for (const chat of CHATS) {
      await store.subscribe({ platform: "telegram", chatId: String(chat), time, timeZone: "UTC", lang: "en", mode: "always" }, now.getTime() - 3_600_000);
    }
    await store.close();

    peer = await startTelegramPeer();
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      bots.push(startMain({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: peer.apiRoot, DATABASE_URL: url, HTTP_PORT: String(port), LOG_LEVEL: "info" }));
    }
    await Promise.all(bots.map((b) => b.waitForOutput(/^telegram: [^\n]*$/m, { timeoutMs: 40_000 })));

    const all = () => CHATS.every((chat) => peer!.sent(chat).some(isDigest));
    const deadline = Date.now() + 30_000;
    while (!all() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(CHATS.filter((chat) => !peer!.sent(chat).some(isDigest)), "chats without a digest").toEqual([]);
    // A second copy, from the other instance, would have gone out with the first.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(CHATS.map((chat) => peer!.sent(chat).filter(isDigest).length)).toEqual(CHATS.map(() => 1));
    // Exactly one instance polls Telegram; the other stands by.
    const lines = bots.map((b) => /^telegram: [^\n]*$/m.exec(b.output)![0]);
    expect(lines.filter((l) => l.endsWith("(polling)")), lines.join(" / ")).toHaveLength(1);
    expect(lines.filter((l) => l.includes("standby")), lines.join(" / ")).toHaveLength(1);

    const leading: number[] = [];
    for (const port of ports) {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status, await ready.clone().text()).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const leader = Number(/^kabar_leader (\d)$/m.exec(metrics)?.[1]);
      leading.push(leader);
      // The leader counts the digests it sent.
      if (leader === 1) expect(metrics).toMatch(new RegExp(`^kabar_digests_total\\{outcome="sent"\\} ${CHATS.length}$`, "m"));
    }
    // One leader of the digest fan-out between them.
    expect(leading.sort()).toEqual([0, 1]);
  }, 120_000);
});
