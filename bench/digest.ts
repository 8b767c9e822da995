import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import { loadLibrary } from "../src/content/loader.js";
import { createLogger } from "../src/core/log.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { TelegramPlatform } from "../src/platforms/telegram/telegramPlatform.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { type BenchSection, peakMemory, round } from "./harness.js";

/**
 * Fan-out of 2,000 digests, in real time, through the real scheduler (SQLite
 * ledger, pacing, retries) and the real Telegram platform `send`, to a fake
 * Bot API that accepts at most 30 sendMessage calls in any sliding second and
 * answers 429 (retry_after 1) beyond that. The floor is the limit itself:
 * 2,000 / 30 s = 66.7 s; the ratio is wall time over that floor.
 */
const CHATS = 2_000;
const LIMIT_PER_S = 30;
const TOKEN = "123456:BENCH-not-a-real-token";

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

function fakeTelegram() {
  const accepted: number[] = [];
  const perChat = new Map<string, number>();
  let tooMany = 0;
  let messageId = 0;
  const server = createServer((req, res) => {
    void body(req).then((payload) => {
      const json = (status: number, data: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
      if (!req.url?.endsWith("/sendMessage")) return json(200, { ok: true, result: true });
      const now = performance.now();
      while (accepted.length > 0 && accepted[0]! <= now - 1000) accepted.shift();
      if (accepted.length >= LIMIT_PER_S) {
        tooMany++;
        return json(429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      }
      accepted.push(now);
      const chat = String(payload.chat_id);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
      json(200, { ok: true, result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chat), type: "private" }, text: "" } });
    });
  });
  return { server, perChat, tooMany: () => tooMany };
}

export const digestSection: BenchSection = {
  name: "digest fan-out (2,000 chats, fake Telegram at 30 msg/s)",
  async run() {
    const fake = fakeTelegram();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    const { port } = fake.server.address() as AddressInfo;
    const dataDir = mkdtempSync(join(tmpdir(), "kabar-bench-digest-"));
    const store = SqliteSubscriptionStore.openInDir(dataDir);
    const holder = new LibraryHolder(loadLibrary("content"));
    const logger = createLogger("silent");
    const platform = new TelegramPlatform({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}`, kabar: createKabar(holder), logger, dataDir });

    // Every chat is due at the current UTC minute and subscribed two minutes earlier: real clock, no scaling.
    const now = Date.now();
    const minute = new Date(now);
    const time = `${String(minute.getUTCHours()).padStart(2, "0")}:${String(minute.getUTCMinutes()).padStart(2, "0")}`;
    for (let i = 1; i <= CHATS; i++) {
      await store.subscribe({ platform: "telegram", chatId: String(100_000 + i), time, timeZone: "UTC", lang: i % 2 ? "id" : "en", mode: "new" }, now - 120_000);
    }
    const scheduler = new DigestScheduler({ store, library: () => holder.current, graceMinutes: 120, logger, trigger: () => ({ stop() {} }) });
    scheduler.addPlatform(platform);

    const t0 = performance.now();
    const { result: report, peakMiB } = await peakMemory(() => scheduler.tick());
    const wallS = (performance.now() - t0) / 1000;
    await scheduler.stop();

    const counts = [...fake.perChat.values()];
    const delivered = counts.length;
    // One digest is one message (well under Telegram's 4,096 characters), so a second message to a chat is a duplicate.
    const duplicates = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    let sentInLedger = 0;
    for (const sub of await store.active()) if ((await store.lastSent(sub.id))?.status === "sent") sentInLedger++;
    await store.close();
    await new Promise((resolve) => fake.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
    const floorS = CHATS / LIMIT_PER_S;
    return {
      chats: CHATS,
      due: report.due,
      delivered,
      marked_sent: sentInLedger,
      wall_s: round(wallS, 1),
      limit_floor_s: round(floorS, 1),
      ratio_vs_limit: round(wallS / floorS, 3),
      http_429_received: fake.tooMany(),
      duplicates,
      peak_rss_mib: peakMiB,
    };
  },
};
