import { createKabar, holdContentOrExit } from "./app.js";
import { reloadContent, watchContent } from "./content/reload.js";
import { loadConfigOrExit } from "./config.js";
import { createDigestRuntime } from "./digest/runtime.js";
import { openStoreOrExit } from "./store/open.js";
import { createLogger } from "./core/log.js";
import { startOperations } from "./ops/operations.js";
import type { Platform } from "./core/platform.js";
import { ConsolePlatform } from "./platforms/console/consoleChat.js";
import { requireWritableDirsOrExit } from "./writableDir.js";
import { backupDirOf } from "./store/sqlite/backupDir.js";

/**
 * Composition root: config -> content -> core -> platforms. With no platform
 * token configured it opens the console chat, so anyone can try the bot at once.
 */
const config = loadConfigOrExit();
requireWritableDirsOrExit({ DATA_DIR: config.DATA_DIR, ...(config.DATABASE_URL ? {} : { BACKUP_DIR: backupDirOf(config) }) });

// The console chat shares the terminal with the logs: unless LOG_LEVEL is set, only warnings go there.
const consoleOnly = !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN;
const logger = createLogger(consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL);
const holder = holdContentOrExit(config.CONTENT_DIR);
// Digests: the store opens here (SQLite in DATA_DIR, or PostgreSQL) so the digest command can reach it.
// --fresh-database (or KABAR_FRESH_DATABASE=true): an empty database on purpose instead of a refused start.
const { store, leadership } = await openStoreOrExit(
  { ...config, KABAR_FRESH_DATABASE: config.KABAR_FRESH_DATABASE || process.argv.includes("--fresh-database") },
  logger,
);
const digests = createDigestRuntime({ config, holder, logger, store, leadership });
const kabar = createKabar(holder, logger, digests.services, Date.now, {
  group: config.RATE_LIMIT_GROUP,
  private: config.RATE_LIMIT_PRIVATE,
  windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
});
// Content reload on every surface (console included): file changes under CONTENT_DIR and SIGHUP.
const contentWatcher = watchContent({ holder, contentDir: config.CONTENT_DIR, logger, watch: config.CONTENT_WATCH });
// FEEDS: new items become article folders; served at once (a reload) when published. The watcher then sees the
// same folders and finds the content already loaded (ifChanged): one reload per import.
// The importer (linkedom, readability, feedsmith) is loaded only when feeds are configured.
const feeds =
  config.FEEDS.length > 0
    ? (await import("./import/feedPoller.js")).feedPollerFromConfig(config, {
        store,
        leadership,
        logger,
        onImported: () => void reloadContent(holder, config.CONTENT_DIR, logger, { ifChanged: true }),
      })
    : undefined;
// HTTP_PORT: /healthz, /readyz, /metrics (content gauges read at each scrape); the start line of each platform.
const ops = await startOperations({ config, library: () => holder.current, store: digests.store, logger });
// Three digest ticks in a row failing on the store turn /readyz's "digest-store" red.
digests.scheduler.storeWatch.reportTo(ops.health);

process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
// Node's own crash report would print the error unredacted (a grammY error quotes the token in its URL):
// log it through the redacting logger instead, then exit as Node would.
process.on("uncaughtException", (err) => {
  logger.fatal({ err }, "uncaught exception");
  process.exit(1);
});

const platforms: Platform[] = [];
// Platform adapters register here (Telegram, Discord).
// Each platform's library is loaded only when that platform is configured (discord.js alone is ~30 MiB in memory).
const discord = config.DISCORD_TOKEN
  ? (await import("./platforms/discord/discordPlatform.js")).discordFromConfig(config, kabar, logger, ops.status("discord"))
  : undefined;
if (discord) platforms.push(discord);
if (config.TELEGRAM_BOT_TOKEN) {
  const { TelegramPlatform } = await import("./platforms/telegram/telegramPlatform.js");
  platforms.push(
    new TelegramPlatform({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      kabar,
      logger: logger.child({ platform: "telegram" }),
      dataDir: config.DATA_DIR,
      paidBroadcast: config.TELEGRAM_BROADCAST_RATE > 30,
      onStatus: ops.status("telegram"),
      ...(config.TELEGRAM_WEBHOOK_URL
        ? {
            webhook: {
              url: config.TELEGRAM_WEBHOOK_URL,
              port: config.PORT,
              ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
              ...(ops.shared ? { share: ops.shared } : {}),
            },
          }
        : { pollingRole: leadership.acquire("telegram") }),
    }),
  );
}

if (platforms.length === 0) {
  // No token: the console chat. It ends when the user leaves or input ends.
  const consoleChat = new ConsolePlatform({ kabar, lang: config.DEFAULT_LANG });
  // Digests print into an interactive console; piped input gets only the answers to its lines.
  if (process.stdin.isTTY) await digests.start([consoleChat]);
  feeds?.start();
  ops.started(consoleChat);
  await consoleChat.start();
  contentWatcher.close();
  await feeds?.stop();
  await digests.stop();
  process.exit(0);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  contentWatcher.close();
  // Feeds before the store closes with the digests.
  await feeds?.stop().catch((err: unknown) => logger.error({ err }, "feed poller shutdown failed"));
  // Digests first: unsent claims are handed back while the platforms can still finish sends in progress.
  // A failure there must not leave the process running with the second signal ignored by the guard.
  const digestsStopped = await digests.stop().then(
    () => true,
    (err: unknown) => (logger.error({ err }, "digest shutdown failed"), false),
  );
  await Promise.allSettled(platforms.map((p) => p.stop()));
  await ops.stop();
  process.exit(digestsStopped ? 0 : 1);
}
// `on`, not `once`: a second signal during shutdown must not kill the process half-way (the guard ignores it).
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  for (const platform of platforms) ops.starting(platform);
  for (const platform of platforms) {
    await platform.start();
    ops.started(platform);
  }
  await digests.start(platforms);
  feeds?.start();
} catch (err) {
  // A bad token or an unreachable API at start: one logged line (redacted), a clean stop, a non-zero exit.
  logger.fatal({ err }, "start-up failed");
  await feeds?.stop().catch(() => undefined);
  await digests.stop().catch(() => undefined);
  await Promise.allSettled(platforms.map((p) => p.stop()));
  process.exit(1);
}
