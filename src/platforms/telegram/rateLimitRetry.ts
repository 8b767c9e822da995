import { setTimeout as timer } from "node:timers/promises";
import type { Transformer } from "grammy";
import type { ApiResponse } from "grammy/types";
import { counted } from "./rateLimits.js";

/**
 * Waits between retries. Rejects when `signal` aborts (a stop while waiting).
 * Production waits on the real clock; tests pass a manual clock's sleep, so a
 * 429's `retry_after`, a 5xx back-off or the polling back-off is checked without waiting it out.
 */
export type RetrySleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: RetrySleep = (ms, signal) => timer(ms, undefined, signal ? { signal } : {});

/** The first wait after a 5xx, doubled at each further one (@grammyjs/auto-retry's schedule). */
const SERVER_ERROR_FIRST_WAIT_MS = 3_000;

/**
 * Interactive calls (replies, edits, button answers), sent again when Telegram
 * could not take them, at most `maxRetryAttempts` times:
 * - a 429 after the `retry_after` it names (https://core.telegram.org/bots/api#responseparameters),
 *   only when that wait is at most `maxDelaySeconds`: a reply that would wait longer fails at once
 *   and the error boundary logs it. Every 429 is counted (kabar_rate_limited_total), the retried too;
 * - a 5xx after 3 s, then 6, 12 (Telegram's servers recovering).
 * Network errors are not retried here (a reply minutes late is worse than the apology).
 * Ours rather than @grammyjs/auto-retry: its waits cannot be given a clock, and it wrapped each call of
 * every update in two async functions and two closures; here an answered call (nearly all) costs one `then`.
 */
export function rateLimitRetry(options: { maxRetryAttempts: number; maxDelaySeconds: number; sleep?: RetrySleep }): Transformer {
  const sleep = options.sleep ?? realSleep;
  return (prev, method, payload, signal) =>
    prev(method, payload, signal).then((res) => (res.ok ? res : (retried(res, prev, method, payload, signal) as never)));

  async function retried(first: ApiResponse<unknown>, ...[prev, method, payload, signal]: Parameters<Transformer>): Promise<ApiResponse<unknown>> {
    let res = first;
    let serverWait = SERVER_ERROR_FIRST_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      if (res.ok) return res;
      counted(res);
      if (attempt >= options.maxRetryAttempts) return res;
      const retryAfter = res.parameters?.retry_after;
      let wait: number;
      if (res.error_code >= 500) {
        wait = serverWait;
        serverWait *= 2;
      } else if (typeof retryAfter === "number" && retryAfter <= options.maxDelaySeconds) {
        wait = retryAfter * 1000;
      } else {
        return res;
      }
      // grammY types its signal with its own AbortSignal shim; at run time it is Node's.
      await sleep(wait, signal as unknown as AbortSignal | undefined);
      res = await prev(method, payload, signal);
    }
  }
}
