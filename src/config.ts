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

export const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: optional.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]+$/.test(v), "must look like 123456:ABC-DEF (from @BotFather)"),
  TELEGRAM_API_ROOT: url("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_URL: url(),
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), "must be 1-256 letters, digits, _ or -"),
  PORT: int(8080, 1, 65535),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{15,22}$/.test(v), "must be a Discord snowflake (digits)"),
  DISCORD_API_BASE: url("https://discord.com/api"),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{15,22}$/.test(v), "must be a Discord snowflake (digits)"),
  DISCORD_MESSAGE_CONTENT: bool,
  CONTENT_DIR: z.string().trim().min(1).default("./content"),
  CONTENT_WATCH: bool.default(true),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// URL"),
  TELEGRAM_BROADCAST_RATE: int(30, 1, 1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LANG: z.enum(["id", "en"]).default("id"),
  DIGEST_GRACE_MINUTES: int(120, 0, 24 * 60),
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
});

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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const shown = SECRET_KEYS.has(key) ? "" : ` (got ${JSON.stringify(env[key])})`;
      return `  ${key}: ${issue.message}${shown}`;
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
