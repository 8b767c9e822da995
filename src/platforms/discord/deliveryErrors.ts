import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { DeliveryError } from "../../core/platform.js";

/**
 * Discord failures in the platform-neutral terms digests decide on
 * (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json):
 * the channel will never take our messages again, try later, or retry soon.
 * Any other 4xx (a 400 about our own request body) is a bug, returned as is:
 * the scheduler records it as failed instead of retrying a request that will
 * fail the same way (as the Telegram mapping does).
 */
export const GONE_CODES: ReadonlyMap<number, string> = new Map([
  [50001, "Missing Access"],
  [50013, "Missing Permissions"],
  [10003, "Unknown Channel"],
  [50007, "Cannot send messages to this user"],
]);

export function toDeliveryError(err: unknown, channelId: string): unknown {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    return new DeliveryError("rate_limited", `Discord rate limit on channel ${channelId}`, { code: 429, retryAfterMs: err.retryAfter });
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : Number(err.code);
    const gone = GONE_CODES.get(code);
    if (gone) return new DeliveryError("gone", `${gone} (${code}) for channel ${channelId}`, { code });
    if (err.status === 429) return new DeliveryError("rate_limited", `Discord rate limit on channel ${channelId}`, { code: 429 });
    if (err.status < 500) return err;
    return new DeliveryError("transient", `Discord error ${err.status}/${code} for channel ${channelId}: ${err.message}`, { code });
  }
  if (err instanceof HTTPError) {
    return new DeliveryError("transient", `Discord HTTP ${err.status} for channel ${channelId}`, { code: err.status });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError("transient", `network error sending to channel ${channelId}: ${message}`);
}
