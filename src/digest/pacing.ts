import type { Clock } from "./clock.js";

/**
 * Paces sends so a fan-out to thousands of chats stays inside a platform's
 * limits instead of provoking a storm of 429s:
 * - overall: at most `limit` sends in any `windowMs`, spread evenly (one every
 *   windowMs/limit) rather than in bursts;
 * - per chat: a minimum gap between two sends to the same chat.
 * Telegram: "avoid sending more than one message per second" to a chat, "no more
 * than 20 messages per minute" to a group, and about 30 per second overall
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * The window is a little longer than the platform's, so timer jitter and
 * network delays do not push a burst over the edge on their side.
 */
export interface PacingRules {
  limit: number;
  windowMs: number;
  /** Minimum gap between two sends to one chat, by chat id. */
  perChatGapMs?: (chatId: string) => number;
}

export const TELEGRAM_PACING: PacingRules = {
  limit: 30,
  windowMs: 1_050,
  // Group and supergroup ids are negative: 20 a minute there, one a second in private chats.
  perChatGapMs: (chatId) => (chatId.startsWith("-") ? 3_000 : 1_000),
};

/**
 * Telegram at `perSecond` digests a second for the whole bot: only the leading instance
 * fans out, so this one limiter is the bot's. Above 30 the sends carry allow_paid_broadcast
 * (https://core.telegram.org/bots/api#paid-broadcasts), which allows up to 1,000/s.
 */
export function telegramPacing(perSecond: number): PacingRules {
  return { ...TELEGRAM_PACING, limit: perSecond };
}

/** Discord: @discordjs/rest queues per route bucket; this only keeps us under the 50/s global limit. */
export const DISCORD_PACING: PacingRules = { limit: 45, windowMs: 1_000 };

// Stryker disable next-line ObjectLiteral: without a limit nothing waits either.
export const UNPACED: PacingRules = { limit: Number.POSITIVE_INFINITY, windowMs: 1_000 };

/** How far behind its even grid a late timer may let the pacer catch up (at 30/s half a spacing, 17.5 ms, is more). */
const CATCH_UP_MS = 15;

/** Tells the limiter when the request it allowed was answered (see `acquire`). */
export type SendDone = (answeredAt: number) => void;

export class PacingLimiter {
  /**
   * Sends inside the current window: each counts from when it was allowed and, once answered,
   * from its answer. The platform counts a request when it arrives, somewhere between the two; a
   * request held up on our side (a new connection, a busy event loop) would otherwise arrive
   * bunched with later ones and a window that looked full on our side would overflow on theirs.
   */
  private readonly recent: { at: number }[] = [];
  private nextFree = 0;
  private pausedUntil = 0;
  private readonly chatNext = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly rules: PacingRules,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one more send to `chatId` is allowed, and counts it; call the result when the request is answered. */
  async acquire(chatId: string): Promise<SendDone> {
    const gap = this.rules.perChatGapMs?.(chatId) ?? 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no gap the loop below never waits either.
    if (gap > 0) {
      // Waiting for one chat happens outside the shared queue, so it never holds up the others.
      for (;;) {
        const ready = this.chatNext.get(chatId) ?? 0;
        const now = this.clock.now();
        if (ready <= now) {
          this.chatNext.set(chatId, now + gap);
          break;
        }
        await this.clock.sleep(ready - now);
      }
      this.forgetOldChats();
    }
    // Stryker disable next-line ConditionalExpression: unlimited, the window below never waits either; this skips the queue.
    if (!Number.isFinite(this.rules.limit)) return () => {};
    const turn = this.queue.then(() => this.waitForWindow());
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    const entry = await turn;
    return (answeredAt) => {
      entry.at = Math.max(entry.at, answeredAt);
    };
  }

  /** After a 429 that names no single chat: nobody sends until `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForWindow(): Promise<{ at: number }> {
    const spacing = this.rules.windowMs / this.rules.limit;
    for (;;) {
      const now = this.clock.now();
      const windowFree = this.oldestInWindow(now) + this.rules.windowMs;
      const at = Math.max(now, this.nextFree, windowFree, this.pausedUntil);
      if (at <= now) {
        const entry = { at: now };
        this.recent.push(entry);
        // Keep the even grid when a timer fires a little late; after a longer
        // stall start a new grid rather than catching up in a burst. At high rates the spacing (1 ms at 1,000/s) is below what a timer can wait, so a late
        // timer may catch up by a few milliseconds' worth of sends; the window above still caps them.
        this.nextFree = Math.max(this.nextFree, now - Math.max(spacing / 2, CATCH_UP_MS)) + spacing;
        return entry;
      }
      await this.clock.sleep(at - now);
    }
  }

  /** Drops sends that left the window; when it is full, the time of the one that leaves first (else -Infinity). */
  private oldestInWindow(now: number): number {
    let oldest = Number.POSITIVE_INFINITY;
    let kept = 0;
    for (const entry of this.recent) {
      if (entry.at <= now - this.rules.windowMs) continue;
      this.recent[kept++] = entry;
      oldest = Math.min(oldest, entry.at);
    }
    this.recent.length = kept;
    return kept < this.rules.limit ? Number.NEGATIVE_INFINITY : oldest;
  }

  // Stryker disable all: forgetting chats whose gap is over changes no wait (their next send is allowed at once); it only bounds memory.
  private forgetOldChats(): void {
    if (this.chatNext.size < 10_000) return;
    const now = this.clock.now();
    for (const [chat, ready] of this.chatNext) if (ready <= now) this.chatNext.delete(chat);
  }
  // Stryker restore all
}
