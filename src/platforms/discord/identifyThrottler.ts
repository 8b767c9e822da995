import type { WebSocketOptions } from "discord.js";
import { type Clock, systemClock } from "../../digest/clock.js";

/**
 * Discord lets a bot IDENTIFY once every 5 seconds per rate-limit bucket, the
 * bucket being shard id % max_concurrency
 * (https://discord.com/developers/docs/events/gateway#session-start-limit-object).
 * @discordjs/ws's SimpleIdentifyThrottler keeps that rule on the wall clock;
 * this one keeps it on a Clock we pass in, so a test of a second IDENTIFY
 * (op 9 Invalid Session) moves a manual clock instead of waiting 5 s.
 * (Unlike @discordjs/ws it adds no random 0-1.5 s on top: the rule is the 5 s.)
 */
export const IDENTIFY_INTERVAL_MS = 5_000;

type BuildIdentifyThrottler = NonNullable<WebSocketOptions["buildIdentifyThrottler"]>;
type IdentifyThrottler = Awaited<ReturnType<BuildIdentifyThrottler>>;

export class ClockIdentifyThrottler implements IdentifyThrottler {
  /** Per bucket: when its next IDENTIFY may go, and the turn of the last one waiting (one at a time). */
  private readonly buckets = new Map<number, { allowedAt: number; turn: Promise<void> }>();

  constructor(
    private readonly maxConcurrency: number,
    private readonly clock: Clock = systemClock,
  ) {}

  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const key = shardId % this.maxConcurrency;
    const bucket = this.buckets.get(key) ?? { allowedAt: Number.NEGATIVE_INFINITY, turn: Promise.resolve() };
    this.buckets.set(key, bucket);
    const mine = bucket.turn.then(async () => {
      signal.throwIfAborted();
      const wait = bucket.allowedAt - this.clock.now();
      if (wait > 0) await abortable(this.clock.sleep(wait), signal);
      bucket.allowedAt = this.clock.now() + IDENTIFY_INTERVAL_MS;
    });
    // The next shard in this bucket waits for this turn, whether it identified or was aborted.
    bucket.turn = mine.catch(() => undefined);
    return mine;
  }
}

function abortable(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    void wait.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

/** discord.js's `ws.buildIdentifyThrottler` for this throttler, with max_concurrency from GET /gateway/bot. */
export function identifyThrottlerOn(clock: Clock): BuildIdentifyThrottler {
  return async (manager) => {
    const info = await manager.fetchGatewayInformation();
    return new ClockIdentifyThrottler(info.session_start_limit.max_concurrency, clock);
  };
}
