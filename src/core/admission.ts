import { throttledRequestsTotal } from "../ops/metrics.js";
import type { ChatContext } from "./command.js";
import type { Lang } from "./lang.js";
import type { RequestLimiter } from "./rateLimit.js";
import type { Reply } from "./reply.js";
import { rateLimitedReply } from "./standardReplies.js";

/** Whether to answer a request: yes, or no with at most one notice to send instead. */
export type Admission = { answer: true } | { answer: false; notice?: Reply };

/** The two answers without a notice, made once: every update asks. */
const ANSWER: Admission = { answer: true };
const DROP: Admission = { answer: false };

/**
 * The per-user limit, the same on every platform: a user in a chat may make
 * so many requests a window; the first over it gets one short notice, the
 * rest are dropped silently until the window has room again.
 */
export function admission(limiter: RequestLimiter | undefined, chat: ChatContext | undefined, lang: Lang): Admission {
  if (!limiter || !chat) return ANSWER;
  const key = `${chat.target}|${chat.userId ?? chat.target}`;
  const outcome = limiter.admit(key, chat.type === "private" ? "private" : "group");
  if (outcome === "answer") return ANSWER;
  throttledRequestsTotal.inc({ platform: chat.platform, outcome });
  if (outcome === "drop") return DROP;
  const seconds = Math.max(1, Math.ceil(limiter.retryAfterMs(key) / 1000));
  return { answer: false, notice: rateLimitedReply(lang, seconds) };
}
