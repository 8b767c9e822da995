import { fileURLToPath } from "node:url";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import { createLogger } from "../../core/log.js";
import { discordScriptConfig } from "./scriptConfig.js";

/**
 * `npm run start:sharded`: the Discord bot under discord.js's ShardingManager,
 * one process per shard, each running the ordinary composition root
 * (src/main.ts), which picks its shard from the SHARDS/SHARD_COUNT variables
 * the manager sets. Discord requires sharding from 2,500 servers
 * (https://discord.com/developers/docs/topics/gateway#sharding); below that,
 * `npm start` is simpler and enough.
 *
 * Telegram is switched off in the shards: a bot token may have only one
 * long-polling consumer, so run Telegram in a separate `npm start`.
 */
const config = discordScriptConfig("start:sharded");
const token = config.DISCORD_TOKEN;
const logger = createLogger(config.LOG_LEVEL);
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

/** Discord's recommended shard count, from the configured API (discord.js's own helper always asks discord.com). */
async function recommendedShards(api: string, token: string): Promise<number> {
  const rest = new REST({ api }).setToken(token);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, shards);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

const totalShards = await recommendedShards(config.DISCORD_API_BASE ?? "https://discord.com/api", token);
// Empty rather than deleted, so dotenv in the shard does not load it again from .env.
process.env.TELEGRAM_BOT_TOKEN = "";
// The manager assigns each shard its own (SHARDS/SHARD_COUNT); DISCORD_SHARDS from .env would override it.
process.env.DISCORD_SHARDS = "";
process.env.DISCORD_SHARD_COUNT = "";
// Compiled (dist/, `npm run build`) the shards run main.js under plain node; from source, main.ts through tsx like `npm start`.
const compiled = import.meta.url.endsWith(".js");
const manager = new ShardingManager(fileURLToPath(new URL(compiled ? "../../main.js" : "../../main.ts", import.meta.url)), {
  token,
  totalShards,
  mode: "process",
  execArgv: compiled ? [] : ["--import", "tsx"],
});
manager.on("shardCreate", (shard) => {
  logger.info({ shard: shard.id, totalShards }, "shard launched");
  shard.on("death", () => logger.warn({ shard: shard.id }, "shard process exited"));
});

/**
 * A signal to the whole process group (Ctrl-C, `docker stop`) already reached
 * every shard, and a second SIGTERM would kill a shard in the middle of its
 * clean shutdown; so shards get a grace period, and only those still running
 * after it (the signal was sent to the manager alone) are sent SIGTERM.
 */
const SHARD_GRACE_MS = 3_000;
function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGTERM"), SHARD_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping shards");
  manager.respawn = false;
  await Promise.all([...manager.shards.values()].map(stopShard));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await manager.spawn({ timeout: 60_000 });
logger.info({ totalShards }, "all shards ready");
