import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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
  /**
   * A server already listening on `port` (the operations endpoint, when
   * HTTP_PORT equals PORT): the webhook path is added to it instead of
   * opening a second server on the same port.
   */
  share?: { add(route: (req: IncomingMessage, res: ServerResponse) => boolean): () => void };
}

/** Stops receiving updates: closes the server, or removes the path from the shared one. */
export type CloseWebhook = () => Promise<void>;

export function webhookSecretFor(token: string): string {
  return createHash("sha256").update(`kabar-webhook:${token}`).digest("hex");
}

export async function startWebhookServer(bot: Bot, token: string, options: WebhookOptions, logger?: Logger): Promise<CloseWebhook> {
  const secret = options.secret ?? webhookSecretFor(token);
  const path = new URL(options.url).pathname || "/";
  // "return": a slow update is answered 200 and finishes in the background, so Telegram does not resend it.
  const handle = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return" });
  const route = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== path) return false;
    handle(req, res).catch((err: unknown) => {
      logger?.error({ err }, "webhook update failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
    return true;
  };
  let close: CloseWebhook;
  if (options.share) {
    const remove = options.share.add(route);
    close = async () => remove();
  } else {
    const server = createServer((req, res) => {
      if (!route(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
    });
    close = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
  }
  await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  return close;
}
