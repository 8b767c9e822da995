import type { Config } from "../config.js";
import type { LibraryHolder } from "../content/reload.js";
import type { Logger } from "../core/log.js";
import type { Platform } from "../core/platform.js";
import { leaderGauge } from "../ops/metrics.js";
import type { Leadership } from "../store/leadership.js";
import { SqliteSubscriptionStore } from "../store/sqlite/store.js";
import type { SubscriptionStore } from "../store/types.js";
import { type Clock, systemClock } from "./clock.js";
import { telegramPacing } from "./pacing.js";
import { DigestScheduler } from "./scheduler.js";
import { DIGEST_SERVICE, type DigestServices } from "./service.js";

/**
 * Digests as the composition root sees them: open the store (DATA_DIR is
 * created), hand the command its services, then, once the platforms run,
 * catch up and tick every minute. (Content reload is the composition root's:
 * it serves every surface, digests or not.)
 */
export interface DigestRuntime {
  store: SubscriptionStore;
  scheduler: DigestScheduler;
  /** For createKabar: the `digest` command finds the store and clock here. */
  services: Record<string, unknown>;
  start(platforms: readonly Platform[]): Promise<void>;
  stop(): Promise<void>;
}

/** Claim lease on a shared database: longer than a send, short enough that a takeover finishes the slot quickly. */
const SHARED_LEASE_MS = 10_000;

export function createDigestRuntime(options: {
  config: Pick<Config, "DATA_DIR" | "DIGEST_GRACE_MINUTES"> & Partial<Pick<Config, "TELEGRAM_BROADCAST_RATE">>;
  holder: LibraryHolder;
  logger?: Logger;
  clock?: Clock;
  store?: SubscriptionStore;
  /** Who runs the fan-out when several instances share the database; without it this instance always does. */
  leadership?: Leadership;
}): DigestRuntime {
  const { config, holder, logger, leadership } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? SqliteSubscriptionStore.openInDir(config.DATA_DIR);
  const role = leadership?.acquire("digest");
  const scheduler = new DigestScheduler({
    store,
    library: () => holder.current,
    clock,
    graceMinutes: config.DIGEST_GRACE_MINUTES,
    ...(logger ? { logger: logger.child({ part: "digest" }) } : {}),
    ...(role ? { leading: () => role.leading } : {}),
    ...(config.TELEGRAM_BROADCAST_RATE
      ? {
          pacing: { telegram: telegramPacing(config.TELEGRAM_BROADCAST_RATE) },
          // Enough deliveries in flight to keep the pace when each takes a few database round trips (~20 ms at 1,000/s).
          concurrency: Math.max(16, Math.ceil(config.TELEGRAM_BROADCAST_RATE / 20)),
        }
      : {}),
    // Shared database: a dead leader's claims must come free soon, for the next leader to finish the slot.
    ...(leadership?.kind === "postgres" ? { leaseMs: SHARED_LEASE_MS } : {}),
  });
  const services: DigestServices = { store, clock };
  let stopped = false;
  return {
    store,
    scheduler,
    services: { [DIGEST_SERVICE]: services },
    async start(platforms) {
      for (const platform of platforms) scheduler.addPlatform(platform);
      logger?.info({ owner: scheduler.owner, platforms: platforms.map((p) => p.name) }, "digest scheduler starting");
      // The catch-up fan-out may take a while; start-up does not wait for it.
      void scheduler.start().then((report) => logger?.info(report, "digest catch-up done"));
      let catchingUp = true;
      role?.onChange((leading) => {
        leaderGauge.set(leading ? 1 : 0);
        // Already leading as we start: the catch-up above is the first tick.
        if (!leading || stopped || catchingUp) return;
        // Taking over: the slot the last leader was sending is finished now, and the claims it
        // died holding once their lease runs out, instead of at the next minute's tick.
        logger?.info({ owner: scheduler.owner }, "digest fan-out: this instance leads now");
        void scheduler.tick().then((report) => logger?.info(report, "digest fan-out: took over"));
        void clock.sleep(scheduler.leaseMs + 1_000).then(() => scheduler.tick());
      });
      catchingUp = false;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await leadership?.close();
      await store.close();
    },
  };
}
