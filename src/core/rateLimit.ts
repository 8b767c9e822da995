/**
 * How often one person may ask, the same on every platform: `limit`
 * requests in any `windowMs` (a sliding window), with a lower limit in
 * groups, where every answer is everyone's noise, than in private chats.
 * The first request over the limit gets one short notice; the rest are
 * dropped without a word until the window has room again, so a flood costs
 * the chat at most limit + 1 messages a window.
 */
export interface RateLimits {
  /** Requests per window for one user in one group or channel. */
  group: number;
  /** Requests per window for one user in a private chat. */
  private: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { group: 10, private: 30, windowMs: 60_000 };

export type Admission = "answer" | "notice" | "drop";

interface Bucket {
  /** When each answered request of the window came, oldest first. */
  times: number[];
  noticed: boolean;
}

export class RequestLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Decides one request of `key` (a user in a chat); `scope` picks the limit. */
  admit(key: string, scope: "group" | "private"): Admission {
    const now = this.now();
    this.sweep(now);
    const limit = this.limits[scope];
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { times: [], noticed: false };
      this.buckets.set(key, bucket);
    }
    const since = now - this.limits.windowMs;
    while (bucket.times.length > 0 && bucket.times[0]! <= since) bucket.times.shift();
    if (bucket.times.length < limit) {
      bucket.times.push(now);
      bucket.noticed = false;
      return "answer";
    }
    if (bucket.noticed) return "drop";
    bucket.noticed = true;
    return "notice";
  }

  /** Milliseconds until `key` may ask again (for the notice). */
  retryAfterMs(key: string): number {
    const oldest = this.buckets.get(key)?.times[0];
    return oldest === undefined ? 0 : Math.max(0, oldest + this.limits.windowMs - this.now());
  }

  /** Forgets users idle for a whole window, at most once a window: memory stays bounded by the active users. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.limits.windowMs) return;
    this.lastSweep = now;
    const since = now - this.limits.windowMs;
    for (const [key, bucket] of this.buckets) {
      const newest = bucket.times[bucket.times.length - 1];
      if (newest === undefined || newest <= since) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
