import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../../core/log.js";
import { realSleep, type RetrySleep } from "./rateLimitRetry.js";

/**
 * Keeps long polling alive through network failures and Telegram 5xx: the
 * call is retried with a capped exponential backoff and a log line, so a
 * flaky network never ends the process. Only a stop (abort) or an answer we
 * cannot fix by waiting (401 bad token, 409 another instance polling) gets
 * through. getMe is covered too, so a bot started while offline waits for the
 * network instead of exiting.
 */
const GUARDED = new Set(["getUpdates", "getMe"]);

export function pollingGuard(logger?: Logger, backoff = { initialMs: 250, maxMs: 30_000 }, sleep: RetrySleep = realSleep): Transformer {
  // Every other call passes straight through, without an async frame of its own (this runs on each reply).
  return (prev, method, payload, signal) => (GUARDED.has(method) ? (guarded(prev, method, payload, signal) as never) : prev(method, payload, signal));
  async function guarded(...[prev, method, payload, signal]: Parameters<Transformer>): Promise<Awaited<ReturnType<Transformer>>> {
    let delay = backoff.initialMs;
    for (;;) {
      try {
        const res = await prev(method, payload, signal);
        if (res.ok || res.error_code < 500) return res;
        logger?.warn({ method, code: res.error_code, description: res.description, retryInMs: delay }, "Telegram server error; retrying");
      } catch (err) {
        if (signal?.aborted || !(err instanceof HttpError)) throw err;
        logger?.warn({ method, err, retryInMs: delay }, "Telegram unreachable; retrying");
      }
      // grammY types its signal with its own AbortSignal shim; at run time it is Node's.
      await sleep(delay, signal as unknown as AbortSignal | undefined);
      delay = Math.min(backoff.maxMs, delay * 2);
    }
  }
}
