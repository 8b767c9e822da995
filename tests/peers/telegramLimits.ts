/**
 * Telegram's sending limits, as the Bot FAQ states them
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * "avoid sending more than one message per second" in a single chat, "We may allow
 * short bursts that go over this limit, but eventually you'll begin receiving 429
 * errors"; in a group "bots are not be able to send more than 20 messages per
 * minute"; bulk notifications: "not more than 30 messages per second or so".
 *
 * Our model of them (Telegram publishes no exact algorithm):
 * - overall: at most 30 messages in any 1,000 ms (a sliding window, half-open);
 * - per private chat: a bucket of `burst` messages refilled at 1 a second, so a
 *   reply split in a few parts passes and a steady 2 a second does not;
 * - per group or supergroup (negative id): at most 20 in any 60,000 ms.
 * A refused message gets 429 with `retry_after` (whole seconds, at least 1): the
 * time until it would have been allowed. Refused messages are not counted.
 */
export interface TelegramRateLimits {
  overall: { limit: number; windowMs: number };
  privateChat: { burst: number; perSecond: number };
  group: { limit: number; windowMs: number };
}

export const TELEGRAM_RATE_LIMITS: TelegramRateLimits = {
  overall: { limit: 30, windowMs: 1_000 },
  privateChat: { burst: 3, perSecond: 1 },
  group: { limit: 20, windowMs: 60_000 },
};

/** Methods that post a new message (edits and callback answers are not counted). */
export const SENDING_METHODS = new Set([
  "sendMessage", "sendPhoto", "sendDocument", "sendVideo", "sendAudio", "sendVoice", "sendAnimation",
  "sendSticker", "sendMediaGroup", "sendLocation", "sendPoll", "copyMessage", "forwardMessage",
]);

export class TelegramRateLimiter {
  private readonly overall: number[] = [];
  private readonly groups = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: TelegramRateLimits,
    private readonly now: () => number,
  ) {}

  /** Counts one message to `chatId`, or refuses it: the seconds to wait (Telegram's retry_after). */
  take(chatId: string): number | undefined {
    const now = this.now();
    const waits: number[] = [];
    const overallWait = windowWait(this.overall, this.limits.overall, now);
    if (overallWait > 0) waits.push(overallWait);
    const isGroup = chatId.startsWith("-");
    let groupTimes: number[] | undefined;
    let bucket: { tokens: number; at: number } | undefined;
    if (isGroup) {
      groupTimes = this.groups.get(chatId) ?? [];
      const w = windowWait(groupTimes, this.limits.group, now);
      if (w > 0) waits.push(w);
    } else {
      const { burst, perSecond } = this.limits.privateChat;
      const old = this.buckets.get(chatId) ?? { tokens: burst, at: now };
      bucket = { tokens: Math.min(burst, old.tokens + ((now - old.at) / 1000) * perSecond), at: now };
      if (bucket.tokens < 1) waits.push(((1 - bucket.tokens) / perSecond) * 1000);
    }
    if (waits.length > 0) return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    this.overall.push(now);
    if (groupTimes) {
      groupTimes.push(now);
      this.groups.set(chatId, groupTimes);
    }
    if (bucket) this.buckets.set(chatId, { tokens: bucket.tokens - 1, at: now });
    return undefined;
  }
}

/** Drops times out of the half-open window (now - windowMs, now]; how long until one more fits (0: now). */
function windowWait(times: number[], rule: { limit: number; windowMs: number }, now: number): number {
  while (times.length > 0 && times[0]! <= now - rule.windowMs) times.shift();
  return times.length < rule.limit ? 0 : times[times.length - rule.limit]! + rule.windowMs - now;
}
