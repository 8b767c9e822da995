import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PostgresSubscriptionStore } from "../src/store/postgres/store.js";
import { DATABASE_FILE, SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import type { SubscriptionInput, SubscriptionStore } from "../src/store/types.js";
import { type BotInstance, startBotInstance } from "../tests/helpers/botInstance.js";
import { createDatabase, startPostgres } from "../tests/peers/postgres.js";
import { type RateLimitedBotApi, startRateLimitedBotApi } from "../tests/peers/rateLimitedBotApi.js";
import { type BenchSection, type Figures, round } from "./harness.js";

/**
 * Scale: 20,000 chats due at the same minute, sent by real bot processes
 * (src/main.ts, as `npm start` runs it) to a fake Bot API that allows 1,000
 * messages/s bot-wide and answers 429 beyond (TELEGRAM_BROADCAST_RATE=1000).
 * First one instance on SQLite, then three on one PostgreSQL (a throwaway
 * cluster started here). The floor is the limit itself: 20,000 / 1,000 = 20 s.
 *
 * The instances start before the chats' minute comes, as in production (a bot
 * runs all day; a slot falls due while it runs), so wall is measured from the
 * due minute's first instant to the last chat's digest: the minute trigger,
 * the due-slot scan, claims and every send count against it, process start-up
 * does not (it is reported on its own line, from spawn to the start line).
 */
const CHATS = 20_000;
const RATE = 1_000;
const TOKEN = "123456:SCALE-bench-not-a-real-token";

/** Seeding, then starting the instances, must fit before the due minute. */
const LEAD_MS = 40_000;

/** The first whole UTC minute at least LEAD_MS away: when every chat falls due. */
function nextDueMinute(now = Date.now()): { at: number; time: string } {
  const at = Math.ceil((now + LEAD_MS) / 60_000) * 60_000;
  const d = new Date(at);
  return { at, time: `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` };
}

async function seed(store: SubscriptionStore, time: string): Promise<void> {
  const subscribedAt = Date.now() - 3_600_000;
  const batch: Promise<unknown>[] = [];
  for (let i = 0; i < CHATS; i++) {
    const sub: SubscriptionInput = { platform: "telegram", chatId: String(1_000_000 + i), time, timeZone: "UTC", lang: i % 2 ? "id" : "en", mode: "new" };
    batch.push(store.subscribe(sub, subscribedAt));
    if (batch.length === 200) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

async function run(label: string, instances: number, dueAt: number, env: Record<string, string>, api: RateLimitedBotApi, markedSent: () => Promise<number>): Promise<Figures> {
  if (Date.now() > dueAt - 5_000) throw new Error(`scale ${label}: seeding ran past the due minute's lead; raise LEAD_MS`);
  const spawnedAt = performance.now();
  const bots: BotInstance[] = [];
  for (let i = 0; i < instances; i++) bots.push(startBotInstance(`scale-${label}-${i}`, { ...env, LOG_LEVEL: "info" }));
  // Start-up ends at each instance's "telegram: …" start line (store open, content loaded, platform up).
  await Promise.all(bots.map((b) => b.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("telegram:"), 60_000)));
  const startupS = (performance.now() - spawnedAt) / 1000;
  if (Date.now() >= dueAt) throw new Error(`scale ${label}: the instances were not up before the due minute`);
  // performance.now() and Date.now() on one clock: the due instant in performance time.
  const dueT = performance.now() + (dueAt - Date.now());
  const done = api.waitForChats(CHATS);
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 240_000).unref());
  const outcome = await Promise.race([done.then(() => "done" as const), timeout]);
  const attempts = api.attempts;
  const firstSend = attempts[0]?.at ?? dueT;
  const lastAccepted = attempts.filter((a) => a.accepted).at(-1)?.at ?? firstSend;
  const wallS = (lastAccepted - dueT) / 1000;
  const rss = bots.map((b) => peakRssMiB(b.child.pid));
  for (const b of bots) b.kill("SIGTERM");
  await Promise.all(bots.map((b) => b.exited));
  const counts = [...api.accepted().values()];
  const perDigest = Math.min(...counts);
  return {
    outcome,
    chats_sent: counts.length,
    marked_sent: await markedSent(),
    startup_s: round(startupS, 1),
    first_send_after_due_s: round((firstSend - dueT) / 1000, 2),
    wall_s: round(wallS, 1),
    fan_out_s: round((lastAccepted - firstSend) / 1000, 1),
    floor_s: CHATS / RATE,
    ratio_vs_floor: round(wallS / (CHATS / RATE), 3),
    http_429: api.rejected(),
    peak_per_s: api.peakAttempts(),
    duplicates: counts.reduce((sum, n) => sum + n / perDigest - 1, 0),
    paid_broadcast: attempts.every((a) => a.paidBroadcast) ? "yes" : "no",
    peak_rss_mib: rss.join(" / "),
  };
}

const prefix = (label: string, figures: Figures): Figures => Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${label} ${k}`, v]));

export const scaleSection: BenchSection = {
  name: "scale (20,000 chats due at once, fake Telegram at 1,000 msg/s)",
  async run() {
    const base = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_BROADCAST_RATE: String(RATE) };

    // One instance, SQLite.
    const dataDir = mkdtempSync(join(tmpdir(), "kabar-bench-scale-"));
    const sqlite = SqliteSubscriptionStore.openInDir(dataDir);
    const sqliteDue = nextDueMinute();
    await seed(sqlite, sqliteDue.time);
    const sqliteApi = await startRateLimitedBotApi({ perSecond: RATE });
    const sqliteFigures = await run("sqlite", 1, sqliteDue.at, { ...base, TELEGRAM_API_ROOT: sqliteApi.apiRoot, DATA_DIR: dataDir }, sqliteApi, async () => {
      const check = new SqliteSubscriptionStore(join(dataDir, DATABASE_FILE));
      const n = (await Promise.all((await check.active()).map((s) => check.lastSent(s.id)))).filter((d) => d?.status === "sent").length;
      await check.close();
      return n;
    });
    await sqlite.close();
    await sqliteApi.stop();
    rmSync(dataDir, { recursive: true, force: true });

    // Three instances, PostgreSQL.
    const cluster = await startPostgres();
    if ("missing" in cluster) return { ...prefix("sqlite x1", sqliteFigures), "postgres x3": `skipped: ${cluster.missing}` };
    try {
      const url = await createDatabase(cluster.url, "kabar_bench");
      const pg = await PostgresSubscriptionStore.open(url);
      const pgDue = nextDueMinute();
      await seed(pg, pgDue.time);
      const pgApi = await startRateLimitedBotApi({ perSecond: RATE });
      const pgFigures = await run("postgres", 3, pgDue.at, { ...base, TELEGRAM_API_ROOT: pgApi.apiRoot, DATABASE_URL: url }, pgApi, async () => {
        const { rows } = await pg.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent'");
        return rows[0]!.n;
      });
      await pg.close();
      await pgApi.stop();
      return { ...prefix("sqlite x1", sqliteFigures), ...prefix("postgres x3", pgFigures) };
    } finally {
      await cluster.stop();
    }
  },
};
