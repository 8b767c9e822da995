import type { Transformer } from "grammy";
import type { ApiResponse } from "grammy/types";
import { rateLimitedTotal } from "../../ops/metrics.js";

/**
 * Counts every 429 Telegram answers (kabar_rate_limited_total): a steady
 * count means the bot sends faster than Telegram allows and pacing is off.
 * Installed on both API clients (interactive and digest), closest to the
 * network, so each 429 response counts once.
 */
export const countRateLimits: Transformer = (prev, method, payload, signal) => prev(method, payload, signal).then(counted);

function counted<R extends ApiResponse<unknown>>(res: R): R {
  if (!res.ok && res.error_code === 429) rateLimitedTotal.inc({ platform: "telegram" });
  return res;
}
