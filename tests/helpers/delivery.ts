import { ManualClock } from "../../src/digest/clock.js";
import type { DeliveryContext, DeliveryJob } from "../../src/digest/deliver.js";
import { PacingLimiter, UNPACED } from "../../src/digest/pacing.js";
import { digestsTotal, duplicateRiskTotal, fanOutLagSeconds } from "../../src/ops/metrics.js";
import { SqliteSubscriptionStore } from "../../src/store/sqlite/store.js";
import { library } from "./core.js";
import { FakePlatform, recordingLogger, subscription } from "./digest.js";

/**
 * One digest delivery (src/digest/deliver.ts) set up on a real SQLite ledger
 * and a manual clock: one Telegram chat, its slot due at DUE, a fake platform
 * and an unpaced limiter whose pauses are recorded. `stop()` makes the instance
 * start stopping; `holdPacer` and `slowRead` let time pass at the points where
 * it passes in production.
 */
export const DUE = Date.UTC(2024, 2, 4, 0, 0);
export const SLOT = "2024-03-04";
export const GRACE = 60_000;
export const LEASE = 10_000;

export async function deliverySetUp(options: { platform?: boolean; maxAttempts?: number } = {}) {
  const store = new SqliteSubscriptionStore(":memory:");
  const clock = new ManualClock(DUE);
  const sub = await store.subscribe(subscription("-100"), DUE - 1000);
  const platform = new FakePlatform("telegram", clock);
  const limiter = new PacingLimiter(UNPACED, clock);
  const paused: number[] = [];
  limiter.pause = (ms: number) => void paused.push(ms);
  const log = recordingLogger();
  let stopping = false;
  const ctx: DeliveryContext = {
    store,
    clock,
    owner: "me",
    graceMs: GRACE,
    leaseMs: LEASE,
    maxAttempts: options.maxAttempts ?? 3,
    library: () => library,
    platform: () => (options.platform === false ? undefined : platform),
    limiter: () => limiter,
    logger: log.logger,
    stopping: () => stopping,
  };
  const job: DeliveryJob = { sub, slot: { key: SLOT, dueAt: DUE }, takeover: false, owned: false, attempts: 0 };
  return {
    store,
    clock,
    sub,
    platform,
    ctx,
    job,
    log,
    paused,
    stop: () => void (stopping = true),
    /** The pacer holds the send for `ms` (a 429 pause, a busy group); `meanwhile` happens while it holds. */
    holdPacer(ms: number, meanwhile: () => void | Promise<void> = () => {}) {
      const acquire = limiter.acquire.bind(limiter);
      limiter.acquire = async (chatId) => {
        clock.advance(ms);
        await meanwhile();
        return acquire(chatId);
      };
    },
    /** Reading what the chat already received takes `ms` (a slow database). */
    slowRead(ms: number) {
      const read = store.receivedArticles.bind(store);
      store.receivedArticles = async (id) => {
        clock.advance(ms);
        return read(id);
      };
    },
    /** The chat's ledger row for the slot. */
    ledger: () => store.delivery(sub.id, SLOT),
    /** Log lines of this level (pino: 20 debug, 30 info, 40 warn, 50 error). */
    logged: (level: number) => log.lines().filter((l) => l.level === level),
  };
}

/** kabar_digests_total{outcome} as /metrics shows it. */
export const counted = async (outcome: string) => (await digestsTotal.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
/** kabar_duplicate_risk_total as /metrics shows it. */
export const duplicateRisks = async () => (await duplicateRiskTotal.get()).values[0]?.value ?? 0;
/** kabar_fan_out_lag_seconds: how many sends it observed and their total lag. */
export async function fanOutLag(): Promise<{ count: number; sum: number }> {
  const values = (await fanOutLagSeconds.get()).values;
  const of = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0;
  return { count: of("kabar_fan_out_lag_seconds_count"), sum: of("kabar_fan_out_lag_seconds_sum") };
}
