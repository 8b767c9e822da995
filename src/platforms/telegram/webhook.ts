import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../../core/log.js";
import { ALLOWED_UPDATES } from "./bot.js";

/**
 * Webhook mode: an HTTP server on PORT receives updates at the webhook URL's
 * path. Telegram echoes `secret_token` in the X-Telegram-Bot-Api-Secret-Token
 * header (https://core.telegram.org/bots/api#setwebhook); grammY answers 401
 * to requests without it, so only Telegram can post updates.
 */
export interface WebhookOptions {
  url: string;
  /** Default: derived from the token, so it is stable across restarts and never configured twice. */
  secret?: string;
  port: number;
  host?: string;
}

export function webhookSecretFor(token: string): string {
  return createHash("sha256").update(`kabar-webhook:${token}`).digest("hex");
}

export async function startWebhookServer(bot: Bot, token: string, options: WebhookOptions, logger?: Logger): Promise<Server> {
  const secret = options.secret ?? webhookSecretFor(token);
  const path = new URL(options.url).pathname || "/";
  // "return": a slow update is answered 200 and finishes in the background, so Telegram does not resend it.
  const handle = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return" });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger?.error({ err }, "webhook update failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  return server;
}
