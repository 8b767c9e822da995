import pino, { type Logger } from "pino";

/**
 * The one logger. Every line passes through `redactSecrets` before it is
 * written, because secrets hide in places a field-based redaction misses:
 * grammY's errors quote the request URL, which contains the bot token.
 */
const secrets = new Set<string>();

/** Registers a value (a token) that must never appear in a log line or error shown to anyone. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

// Shapes of tokens, for secrets we were never told about (a token pasted into a URL by a library).
const TELEGRAM_TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g;
const TELEGRAM_URL_TOKEN = /(\/bot)[^/\s"']+(?=\/)/g;
const DISCORD_TOKEN = /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g;

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out
    .replace(TELEGRAM_URL_TOKEN, "$1[redacted]")
    .replace(TELEGRAM_TOKEN, "[redacted]")
    .replace(DISCORD_TOKEN, "[redacted]");
}

export function createLogger(level = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "kabar" },
      hooks: { streamWrite: redactSecrets },
    },
    // Logs go to stderr so stdout stays clean for `npm run ask --json` and the console chat.
    destination ?? pino.destination(2),
  );
}

export type { Logger };
