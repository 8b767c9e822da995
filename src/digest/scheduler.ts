import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron from "node-cron";
import type { ContentLibrary } from "../content/loader.js";
import { createLogger, type Logger } from "../core/log.js";
import type { Platform } from "../core/platform.js";
import { digestsTotal } from "../ops/metrics.js";
import { type PlatformName, type Subscription, type SubscriptionStore, slotKeyString } from "../store/types.js";
import { type Clock, systemClock } from "./clock.js";
import { attemptDelivery, type DeliveryContext, type DeliveryJob } from "./deliver.js";
import { fanOut } from "./fanOut.js";
import { DigestStoreWatch } from "./storeWatch.js";
import { DISCORD_PACING, PacingLimiter, type PacingRules, TELEGRAM_PACING, UNPACED } from "./pacing.js";
import { latestSlot, parseLocalTime, type Slot } from "./slots.js";

/**
 * Fires digests. node-cron wakes it at the start of every minute; each tick
 * works out, per subscription, the most recent local-time slot in its own
 * timezone (slots.ts, DST-correct) and delivers the ones due and not yet in
 * the ledger. Because a tick looks back over the whole grace window, the
 * first tick at start is the catch-up: slots missed while the bot was down,
 * and claims left unsent by a crashed instance, go out once if still within
 * grace and are logged and skipped if not.
 */
export interface SchedulerOptions {
  store: SubscriptionStore;
  library: () => ContentLibrary;
  clock?: Clock;
  logger?: Logger;
  graceMinutes: number;
  /** Defaults to 3 minutes: how long a crashed instance's claim blocks others. */
  leaseMs?: number;
  /**
   * Whether this instance leads the fan-out now (the "digest" role, store/leadership.ts);
   * always, by default. A non-leader does not tick, and a leader that loses the role
   * mid fan-out claims nothing more and hands back the claims it has not sent yet.
   */
  leading?: () => boolean;
  concurrency?: number;
  maxAttempts?: number;
  pacing?: Partial<Record<PlatformName, PacingRules>>;
  /** Ledger owner id; defaults to host:pid:random. */
  owner?: string;
  /** Starts the minute trigger; node-cron unless a test replaces it. */
  trigger?: (tick: () => void) => { stop(): void };
}

export interface TickReport {
  due: number;
  recovered: number;
  skipped: number;
}

const DEFAULT_PACING: Record<PlatformName, PacingRules> = {
  telegram: TELEGRAM_PACING,
  discord: DISCORD_PACING,
  console: UNPACED,
};

const LOOKUP_BATCH = 2_000;

function cronEveryMinute(tick: () => void): { stop(): void } {
  const task = cron.schedule("* * * * *", tick, { name: "kabar-digest" });
  return { stop: () => void task.destroy() };
}

export class DigestScheduler {
  private readonly platforms = new Map<PlatformName, Platform>();
  private readonly limiters = new Map<PlatformName, PacingLimiter>();
  /** Subscriptions this instance is working on, so overlapping ticks do not queue them twice. */
  private readonly inFlight = new Set<number>();
  private readonly running = new Set<Promise<TickReport>>();
  private trigger?: { stop(): void };
  private stopped = false;
  private signalStop!: () => void;
  private readonly stopSignal = new Promise<void>((resolve) => (this.signalStop = resolve));
  readonly clock: Clock;
  readonly owner: string;
  /** Store failures of ticks: logged, counted, and reported to /readyz after three in a row. */
  readonly storeWatch: DigestStoreWatch;
  private readonly ctx: DeliveryContext;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.storeWatch = new DigestStoreWatch(options.logger);
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const pacing = { ...DEFAULT_PACING, ...options.pacing };
    for (const name of Object.keys(pacing) as PlatformName[]) this.limiters.set(name, new PacingLimiter(pacing[name], this.clock));
    this.ctx = {
      store: options.store,
      clock: this.clock,
      owner: this.owner,
      graceMs: options.graceMinutes * 60_000,
      leaseMs: options.leaseMs ?? 3 * 60_000,
      maxAttempts: options.maxAttempts ?? 8,
      library: options.library,
      platform: (name) => this.platforms.get(name),
      limiter: (name) => this.limiters.get(name)!,
      logger: options.logger ?? createLogger("silent"),
      stopping: () => this.stopped || !this.leading(),
    };
  }

  /** Platforms register as they start; subscriptions of a platform not running here are left for an instance that has it. */
  addPlatform(platform: Platform): void {
    this.platforms.set(platform.name, platform);
  }

  private leading(): boolean {
    return this.options.leading?.() ?? true;
  }

  get leaseMs(): number {
    return this.ctx.leaseMs;
  }

  get graceMs(): number {
    return this.ctx.graceMs;
  }

  /** Catches up at once, then ticks every minute. */
  async start(): Promise<TickReport> {
    this.trigger = (this.options.trigger ?? cronEveryMinute)(() => void this.tick());
    return this.tick();
  }

  /** Stops ticking, hands back claims not yet sent, and waits for sends in progress. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.signalStop();
    this.trigger?.stop();
    await Promise.allSettled([...this.running]);
  }

  /** One pass: recovers expired claims, delivers due slots, records missed ones. Resolves when its fan-out ends. */
  tick(): Promise<TickReport> {
    if (this.stopped || !this.leading()) return Promise.resolve({ due: 0, recovered: 0, skipped: 0 });
    const run = this.runTick().then(
      (report) => (this.storeWatch.succeeded(), report),
      (err: unknown) => {
        // The tick reads and writes only the store (deliveries fail inside the fan-out): this is a store failure.
        this.storeWatch.failed(err);
        return { due: 0, recovered: 0, skipped: 0 };
      },
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  private async runTick(): Promise<TickReport> {
    const { store } = this.options;
    const now = this.clock.now();
    const graceMs = this.ctx.graceMs;
    const allActive = await store.active();
    const subs = allActive.filter((s) => this.platforms.has(s.platform));
    const byId = new Map(subs.map((s) => [s.id, s]));
    const activeIds = new Set(allActive.map((s) => s.id));
    const jobs: DeliveryJob[] = [];
    const report: TickReport = { due: 0, recovered: 0, skipped: 0 };

    for (const claim of await store.expiredClaims(now)) {
      if (!activeIds.has(claim.subscriptionId)) {
        // Left by a crash, for a chat that has since unsubscribed or been disabled: close it, or it comes back every tick.
        const owned = await store.takeOverClaim({ ...claim, owner: this.owner, leaseUntil: now + this.ctx.leaseMs, now });
        if (owned) await store.closeClaim(claim.subscriptionId, claim.slot, this.owner, "skipped", "subscription no longer active", now);
        continue;
      }
      const sub = byId.get(claim.subscriptionId);
      if (!sub || this.inFlight.has(sub.id)) continue;
      // A claim handed back at shutdown has lease_until set before its last update; one whose lease simply ran
      // out was held by an instance that died, perhaps after the platform accepted the message.
      const orphanedBy = claim.leaseUntil !== undefined && claim.leaseUntil >= claim.updatedAt ? claim.owner : undefined;
      jobs.push({ sub, slot: { key: claim.slot, dueAt: claim.dueAt }, takeover: true, owned: false, attempts: 0, ...(orphanedBy ? { orphanedBy } : {}) });
      report.recovered++;
    }
    const recovering = new Set(jobs.map((j) => j.sub.id));

    const candidates: { sub: Subscription; slot: Slot }[] = [];
    // The slot depends only on the time and the zone: computed once per pair this tick, not per chat
    // (through Intl, 20,000 chats took a third of a second before the first digest of a slot left).
    const slots = new Map<string, Slot>();
    for (const sub of subs) {
      if (this.inFlight.has(sub.id) || recovering.has(sub.id)) continue;
      const pair = `${sub.time}|${sub.timeZone}`;
      let slot = slots.get(pair);
      if (!slot) slots.set(pair, (slot = latestSlot(now, parseLocalTime(sub.time)!, sub.timeZone)));
      // Slots due before the schedule was set were never promised to this chat.
      if (slot.dueAt < sub.scheduleSetAt) continue;
      candidates.push({ sub, slot });
    }
    // Every active chat is looked up every minute: a query per batch, not per chat (over a network,
    // 20,000 round trips one after another took seconds before the first digest of a slot went out).
    const recorded = new Set<string>();
    for (let i = 0; i < candidates.length; i += LOOKUP_BATCH) {
      const batch = candidates.slice(i, i + LOOKUP_BATCH).map(({ sub, slot }) => ({ subscriptionId: sub.id, slot: slot.key }));
      for (const key of await store.recordedSlots(batch)) recorded.add(key);
    }
    for (const { sub, slot } of candidates) {
      if (recorded.has(slotKeyString({ subscriptionId: sub.id, slot: slot.key }))) continue;
      if (now - slot.dueAt > graceMs) {
        if (await store.recordSkipped(sub.id, slot.key, slot.dueAt, "missed: no instance was running within the grace window", now)) {
          report.skipped++;
          digestsTotal.inc({ outcome: "skipped" });
          this.options.logger?.warn(
            { subscription: sub.id, platform: sub.platform, chat: sub.chatId, slot: slot.key, dueAt: new Date(slot.dueAt).toISOString() },
            "digest slot missed while the bot was down and past the grace window: skipped",
          );
        }
        continue;
      }
      jobs.push({ sub, slot, takeover: false, owned: false, attempts: 0 });
      report.due++;
    }

    for (const job of jobs) this.inFlight.add(job.sub.id);
    try {
      await fanOut({
        items: jobs,
        concurrency: this.options.concurrency ?? 16,
        clock: this.clock,
        stopped: this.stopSignal,
        work: (job) => attemptDelivery(job, this.ctx),
        onError: (job, err) =>
          this.options.logger?.error({ err, subscription: job.sub.id, slot: job.slot.key }, "digest delivery failed unexpectedly"),
      });
    } finally {
      for (const job of jobs) this.inFlight.delete(job.sub.id);
    }
    return report;
  }
}
