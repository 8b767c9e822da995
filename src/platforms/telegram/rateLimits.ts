import type { Transformer } from "grammy";
import type { ApiResponse } from "grammy/types";
import { rateLimitedTotal } from "../../ops/metrics.js";

/**
 * Counts every 429 Telegram answers (kabar_rate_limited_total): a steady
 * count means the bot sends faster than Telegram allows and pacing is off.
 * The digest client counts with this transformer; the interactive one with
 * `counted` inside its retry loop (rateLimitRetry.ts), so each 429 response
 * counts once, the retried ones too.
 */
export const countRateLimits: Transformer = (prev, method, payload, signal) => prev(method, payload, signal).then(counted);

export function counted<R extends ApiResponse<unknown>>(res: R): R {
  if (!res.ok && res.error_code === 429) rateLimitedTotal.inc({ platform: "telegram" });
  return res;
}
