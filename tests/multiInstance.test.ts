import { afterAll, describe, expect, it } from "vitest";
import { PostgresSubscriptionStore } from "../src/store/postgres/store.js";
import { type BotInstance, startBotInstance } from "./helpers/botInstance.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";
import { type RateLimitedBotApi, startRateLimitedBotApi } from "./peers/rateLimitedBotApi.js";

notePostgresSkipped();
const CHATS = 500;
const bots: BotInstance[] = [];
let api: RateLimitedBotApi | undefined;
afterAll(async () => {
  for (const bot of bots) bot.kill("SIGKILL");
  await Promise.all(bots.map((b) => b.exited));
  await api?.stop();
});

/** Subscribes CHATS private chats to a digest due this very minute (UTC), so the leader's first tick sends them all. */
async function subscribeDueNow(url: string): Promise<void> {
  const store = await PostgresSubscriptionStore.open(url);
  const now = new Date();
  const time = `${String(now.getUTCHours()).padStart(2, "0")}:${String(now.getUTCMinutes()).padStart(2, "0")}`;
  const subscribedAt = now.getTime() - 3_600_000;
  const ids = Array.from({ length: CHATS }, (_, i) => String(700_000 + i));
  await Promise.all(
    ids.map((chatId) => store.subscribe({ platform: "telegram", chatId, time, timeZone: "UTC", lang: "id", mode: "new" }, subscribedAt)),
  );
  await store.close();
}

const isLeading = (l: Record<string, unknown>) => l.role === "digest" && l.msg === "leading";

describe.skipIf(!postgresUrl)("three bot processes on one PostgreSQL", () => {
  it(
    "GIVEN 500 chats due and the leader killed with -9 mid fan-out THEN another instance finishes the slot: no chat lost, " +
      "doubles only among the claims in flight at the kill and each logged, never above 30 messages/s, one poller",
    async () => {
      const url = await freshPostgresDatabase();
      await subscribeDueNow(url);
      api = await startRateLimitedBotApi({ perSecond: 30 });
      const env = { TELEGRAM_BOT_TOKEN: "123456:multi-instance-test-token", TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: url };
      for (const name of ["a", "b", "c"]) bots.push(startBotInstance(name, env));

      const leader = await Promise.race(bots.map((b) => b.waitForLog(isLeading, 45_000).then(() => b)));
      const owner = (await leader.waitForLog((l) => l.msg === "digest scheduler starting")).owner as string;
      await api.waitForAccepted(150);
      leader.kill("SIGKILL");
      const killedAt = performance.now();
      expect(await leader.exited).toBe("SIGKILL");

      // The dead leader's claims not yet marked sent: the only chats that may get the digest twice.
      const store = await PostgresSubscriptionStore.open(url, { max: 2 });
      const { rows } = await store.pool.query<{ chat_id: string }>(
        "SELECT s.chat_id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.status = 'claimed' AND d.owner = $1",
        [owner],
      );
      const inFlight = new Set(rows.map((r) => r.chat_id));

      // Telegram allows one long-polling client per token: if the dead leader polled, a survivor polls now.
      const polls = (b: BotInstance) => b.logs.some((l) => l.msg === "Telegram long polling: this instance polls");
      const survivors = bots.filter((b) => b !== leader);
      if (polls(leader)) {
        await Promise.race(survivors.map((b) => b.waitForLog((l) => l.msg === "Telegram long polling: this instance polls")));
      }
      expect(survivors.filter(polls)).toHaveLength(1);

      await api.waitForChats(CHATS);
      const resumed = api.attempts.find((a) => a.at > killedAt && a.accepted)!;
      const failoverMs = resumed.at - killedAt;
      for (const bot of survivors) bot.kill("SIGTERM");
      expect(await Promise.all(survivors.map((b) => b.exited))).toEqual([0, 0]);

      const perChat = api.accepted();
      const messagesPerDigest = Math.min(...perChat.values());
      const doubled = [...perChat].filter(([, n]) => n > messagesPerDigest).map(([chat]) => chat);
      const logs = survivors.flatMap((b) => b.logs);
      const reported = new Set(logs.filter((l) => String(l.msg).includes("may have been delivered twice")).map((l) => String(l.chat)));
      console.info(
        `multi-instance: failover ${Math.round(failoverMs)} ms, in flight at kill ${inFlight.size}, doubled ${doubled.length}, ` +
          `peak ${api.peakAttempts()} msg/s, 429s ${api.rejected()}`,
      );

      expect(perChat.size).toBe(CHATS);
      expect([...perChat.values()].filter((n) => n !== messagesPerDigest && n !== 2 * messagesPerDigest)).toEqual([]);
      expect(doubled.filter((chat) => !inFlight.has(chat))).toEqual([]);
      expect(doubled.filter((chat) => !reported.has(chat))).toEqual([]);
      expect(failoverMs).toBeLessThan(15_000);
      expect(api.peakAttempts()).toBeLessThanOrEqual(30);
      expect(api.rejected()).toBe(0);
      expect(api.maxConcurrentPollers).toBe(1);
      const { rows: statuses } = await store.pool.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM deliveries GROUP BY status");
      await store.close();
      expect(statuses).toEqual([{ status: "sent", n: CHATS }]);
    },
    90_000,
  );
});
