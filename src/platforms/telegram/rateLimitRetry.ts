import { setTimeout as timer } from "node:timers/promises";
import type { Transformer } from "grammy";

/**
 * Waits between retries. Rejects when `signal` aborts (a stop while waiting).
 * Production waits on the real clock; tests pass a manual clock's sleep, so a
 * 429's `retry_after` or the polling back-off is checked without waiting it out.
 */
export type RetrySleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: RetrySleep = (ms, signal) => timer(ms, undefined, signal ? { signal } : {});

/**
 * An interactive call Telegram answers 429 is sent again after the
 * `retry_after` it names (https://core.telegram.org/bots/api#responseparameters),
 * at most `maxRetryAttempts` times, and only when that wait is at most
 * `maxDelaySeconds`: a reply that would wait longer fails at once and the error
 * boundary logs it. Ours rather than @grammyjs/auto-retry's because its wait
 * cannot be given a clock; that plugin still retries 5xx (see bot.ts).
 */
export function rateLimitRetry(options: { maxRetryAttempts: number; maxDelaySeconds: number; sleep?: RetrySleep }): Transformer {
  const sleep = options.sleep ?? realSleep;
  // An answered call (nearly all) costs one `then`; only a failure enters the retry loop.
  return (prev, method, payload, signal) => prev(method, payload, signal).then((res) => (res.ok ? res : (retried(res, prev, method, payload, signal) as never)));
  async function retried(first: Awaited<ReturnType<Transformer>>, ...[prev, method, payload, signal]: Parameters<Transformer>): Promise<Awaited<ReturnType<Transformer>>> {
    let res = first;
    for (let attempt = 0; attempt < options.maxRetryAttempts && !res.ok; attempt++) {
      const retryAfter = res.parameters?.retry_after;
      if (typeof retryAfter !== "number" || retryAfter > options.maxDelaySeconds) break;
      // grammY types its signal with its own AbortSignal shim; at run time it is Node's.
      await sleep(retryAfter * 1000, signal as unknown as AbortSignal | undefined);
      res = await prev(method, payload, signal);
    }
    return res;
  }
}
