import { config as loadDotenv } from "dotenv";
import { createKabar, LibraryHolder, loadContentOrExit } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createDigestRuntime } from "./digest/runtime.js";
import { createLogger } from "./core/log.js";
import type { Platform } from "./core/platform.js";
import { ConsolePlatform } from "./platforms/console/consoleChat.js";
import { discordFromConfig } from "./platforms/discord/discordPlatform.js";
import { TelegramPlatform } from "./platforms/telegram/telegramPlatform.js";

/**
 * Composition root: config -> content -> core -> platforms. With no platform
 * token configured it opens the console chat, so anyone can try the bot at once.
 */
loadDotenv({ quiet: true });

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const logger = createLogger(config.LOG_LEVEL);
const holder = new LibraryHolder(loadContentOrExit(config.CONTENT_DIR));
// Digests: the store opens here (DATA_DIR is created) so the digest command can reach it.
const digests = createDigestRuntime({ config, holder, logger });
const kabar = createKabar(holder, logger, digests.services);

process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

const platforms: Platform[] = [];
// Platform adapters register here (Telegram, Discord).
const discord = discordFromConfig(config, kabar, logger);
if (discord) platforms.push(discord);
if (config.TELEGRAM_BOT_TOKEN) {
  platforms.push(
    new TelegramPlatform({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      kabar,
      logger: logger.child({ platform: "telegram" }),
      dataDir: config.DATA_DIR,
      ...(config.TELEGRAM_WEBHOOK_URL
        ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, port: config.PORT, ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret: config.TELEGRAM_WEBHOOK_SECRET } : {}) } }
        : {}),
    }),
  );
}

if (platforms.length === 0) {
  // No token: the console chat. It ends when the user leaves or input ends.
  const consoleChat = new ConsolePlatform({ kabar, lang: config.DEFAULT_LANG });
  // Digests print into an interactive console; piped input gets only the answers to its lines.
  if (process.stdin.isTTY) await digests.start([consoleChat]);
  await consoleChat.start();
  await digests.stop();
  process.exit(0);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  // Digests first: unsent claims are handed back while the platforms can still finish sends in progress.
  await digests.stop();
  await Promise.allSettled(platforms.map((p) => p.stop()));
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

for (const platform of platforms) {
  await platform.start();
  logger.info({ platform: platform.name }, "platform started");
}
await digests.start(platforms);
