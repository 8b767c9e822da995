import { config as loadDotenv } from "dotenv";
import cron from "node-cron";
import { z } from "zod";
import { registerSecret } from "./core/log.js";

/**
 * The environment, validated once at start. `.env.example` documents every
 * variable; keep the two in step (a test checks that they match).
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const url = (fallback?: string) => {
  const base = z.string().trim().url("must be a URL such as https://example.org").transform((v) => v.replace(/\/+$/, ""));
  return fallback ? base.default(fallback) : z.union([z.literal("").transform(() => undefined), base]).optional();
};
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);
const optionalInt = (min: number, max: number) =>
  z.union([
    z.literal("").transform(() => undefined),
    z.coerce.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
  ]).optional();
/** "0,1,5": distinct shard ids, for the instance that runs them. */
const shardList = optional.pipe(
  z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, "must be shard ids separated by commas, such as 0,1")
    .transform((v) => [...new Set(v.split(",").map((id) => Number(id.trim())))])
    .optional(),
);

/**
 * A platform switched half on is an error, not silently off: a token without
 * its application id, a webhook secret without a webhook, shards without a
 * count. Each issue names the variable to fix.
 */
function halfConfigured(env: Config): { key: keyof Config; message: string }[] {
  const problems: { key: keyof Config; message: string }[] = [];
  const problem = (key: keyof Config, message: string) => problems.push({ key, message });
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) problem("DISCORD_APPLICATION_ID", "is required with DISCORD_TOKEN (the bot's application id)");
  if (!env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) problem("DISCORD_TOKEN", "is required with DISCORD_APPLICATION_ID (or unset both to switch Discord off)");
  if (!env.DISCORD_TOKEN) {
    if (env.DISCORD_GUILD_ID) problem("DISCORD_GUILD_ID", "is set but Discord is off (no DISCORD_TOKEN)");
    if (env.DISCORD_SHARDS) problem("DISCORD_SHARDS", "is set but Discord is off (no DISCORD_TOKEN)");
  }
  if (env.DISCORD_SHARDS && env.DISCORD_SHARD_COUNT === undefined) problem("DISCORD_SHARD_COUNT", "is required with DISCORD_SHARDS (the total over all instances)");
  if (!env.DISCORD_SHARDS && env.DISCORD_SHARD_COUNT !== undefined) problem("DISCORD_SHARDS", "is required with DISCORD_SHARD_COUNT (the shards this instance runs, such as 0,1)");
  const tooHigh = env.DISCORD_SHARDS?.filter((id) => env.DISCORD_SHARD_COUNT !== undefined && id >= env.DISCORD_SHARD_COUNT);
  if (tooHigh?.length) problem("DISCORD_SHARDS", `shard ids must be below DISCORD_SHARD_COUNT (${env.DISCORD_SHARD_COUNT}): ${tooHigh.join(",")}`);

  if (!env.TELEGRAM_BOT_TOKEN) {
    if (env.TELEGRAM_WEBHOOK_URL) problem("TELEGRAM_WEBHOOK_URL", "is set but Telegram is off (no TELEGRAM_BOT_TOKEN)");
    if (env.TELEGRAM_WEBHOOK_SECRET) problem("TELEGRAM_WEBHOOK_SECRET", "is set but Telegram is off (no TELEGRAM_BOT_TOKEN)");
  }
  if (!env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET) problem("TELEGRAM_WEBHOOK_SECRET", "is set without TELEGRAM_WEBHOOK_URL (long polling uses no secret)");
  // Telegram's cloud Bot API calls only https webhooks (https://core.telegram.org/bots/api#setwebhook);
  // a self-hosted Bot API server (another TELEGRAM_API_ROOT) also accepts http.
  if (env.TELEGRAM_WEBHOOK_URL?.startsWith("http://") && env.TELEGRAM_API_ROOT === TELEGRAM_CLOUD) {
    problem("TELEGRAM_WEBHOOK_URL", "must be https:// (Telegram calls only HTTPS webhooks)");
  }
  return problems;
}

const TELEGRAM_CLOUD = "https://api.telegram.org";
const fields = {
  TELEGRAM_BOT_TOKEN: optional.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]+$/.test(v), "must look like 123456:ABC-DEF (from @BotFather)"),
  TELEGRAM_API_ROOT: url(TELEGRAM_CLOUD),
  TELEGRAM_WEBHOOK_URL: url(),
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), "must be 1-256 letters, digits, _ or -"),
  PORT: int(8080, 1, 65535),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{15,22}$/.test(v), "must be a Discord snowflake (digits)"),
  DISCORD_API_BASE: url("https://discord.com/api"),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{15,22}$/.test(v), "must be a Discord snowflake (digits)"),
  DISCORD_MESSAGE_CONTENT: bool,
  DISCORD_SHARDS: shardList,
  DISCORD_SHARD_COUNT: optionalInt(1, 100_000),
  HTTP_PORT: optionalInt(1, 65535),
  CONTENT_DIR: z.string().trim().min(1).default("./content"),
  CONTENT_WATCH: bool.default(true),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  BACKUP_DIR: optional,
  KABAR_FRESH_DATABASE: bool,
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// URL"),
  TELEGRAM_BROADCAST_RATE: int(30, 1, 1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LANG: z.enum(["id", "en"]).default("id"),
  DIGEST_GRACE_MINUTES: int(120, 0, 24 * 60),
  RATE_LIMIT_GROUP: int(10, 1, 10_000),
  RATE_LIMIT_PRIVATE: int(30, 1, 10_000),
  RATE_LIMIT_WINDOW_SECONDS: int(60, 1, 24 * 60 * 60),
  // Feeds polled while the bot runs (src/import/feedPoller.ts).
  FEEDS: z
    .string()
    .trim()
    .default("")
    .transform((v) => v.split(",").map((u) => u.trim()).filter(Boolean))
    .refine((urls) => urls.every((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u)), "must be http(s) URLs separated by commas"),
  FEED_POLL: z
    .string()
    .trim()
    .default("*/10 * * * *")
    .refine((v) => cron.validate(v), "must be a cron expression such as */10 * * * * (every 10 minutes)"),
  FEED_AUTO_PUBLISH: bool,
};
export const envSchema = z.object(fields);

export type Config = z.infer<typeof envSchema>;

/** Variables whose values are never echoed, even in a validation error. */
const SECRET_KEYS = new Set(["TELEGRAM_BOT_TOKEN", "DISCORD_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "DATABASE_URL"]);

function databasePassword(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k]]));
  const parsed = envSchema.safeParse(relevant);
  // Each variable on its own first; how they combine only once each is valid.
  const problems = parsed.success
    ? halfConfigured(parsed.data)
    : parsed.error.issues.map((issue) => ({ key: String(issue.path[0]), message: issue.message }));
  if (!parsed.success || problems.length > 0) {
    const lines = problems.map(({ key, message }) => {
      const shown = SECRET_KEYS.has(key) || env[key] === undefined ? "" : ` (got ${JSON.stringify(env[key])})`;
      return `  ${key}: ${message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable and its default.`);
  }
  const config = parsed.data;
  registerSecret(config.TELEGRAM_BOT_TOKEN);
  registerSecret(config.DISCORD_TOKEN);
  registerSecret(config.TELEGRAM_WEBHOOK_SECRET);
  registerSecret(databasePassword(config.DATABASE_URL));
  return config;
}

/**
 * `.env` plus the environment, validated; on an invalid value prints the one
 * readable message (never a secret) and exits 2. For entry points only.
 */
export function loadConfigOrExit(): Config {
  loadDotenv({ quiet: true });
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
