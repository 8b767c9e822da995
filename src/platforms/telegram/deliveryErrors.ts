import { GrammyError, HttpError } from "grammy";
import { DeliveryError } from "../../core/platform.js";
import { redactSecrets } from "../../core/log.js";

/**
 * Telegram failures in the neutral terms the digest scheduler decides on
 * (https://core.telegram.org/bots/api#making-requests, #responseparameters):
 * - 403 (bot blocked, kicked, user deactivated) and 400 "chat not found": `gone`;
 * - 400 with `parameters.migrate_to_chat_id` (group upgraded to a supergroup): `migrated`;
 * - 429 with `parameters.retry_after` (seconds): `rate_limited`;
 * - 5xx and network failures: `transient`.
 * Anything else (a 400 about our own request) is a bug, rethrown as is.
 * Messages are redacted: grammY's network errors quote the request URL, which holds the token.
 */
export function toDeliveryError(err: unknown): unknown {
  if (err instanceof GrammyError) {
    const { error_code: code, description, parameters } = err;
    const message = redactSecrets(`Telegram ${code}: ${description}`);
    if (parameters?.migrate_to_chat_id !== undefined) {
      return new DeliveryError("migrated", message, { code, migratedTo: String(parameters.migrate_to_chat_id) });
    }
    if (code === 429) {
      return new DeliveryError("rate_limited", message, { code, retryAfterMs: (parameters?.retry_after ?? 1) * 1000 });
    }
    if (code === 403 || (code === 400 && /chat not found/i.test(description))) {
      return new DeliveryError("gone", message, { code });
    }
    if (code >= 500) return new DeliveryError("transient", message, { code });
    return err;
  }
  if (err instanceof HttpError) {
    return new DeliveryError("transient", redactSecrets(`Telegram unreachable: ${err.message}`), { code: "network" });
  }
  return err;
}
