import type { Config } from "../config.js";
import type { LibraryHolder } from "../content/reload.js";
import type { Logger } from "../core/log.js";
import type { Platform } from "../core/platform.js";
import { SqliteSubscriptionStore } from "../store/sqlite/store.js";
import type { SubscriptionStore } from "../store/types.js";
import { type Clock, systemClock } from "./clock.js";
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

export function createDigestRuntime(options: {
  config: Pick<Config, "DATA_DIR" | "DIGEST_GRACE_MINUTES">;
  holder: LibraryHolder;
  logger?: Logger;
  clock?: Clock;
  store?: SubscriptionStore;
}): DigestRuntime {
  const { config, holder, logger } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? SqliteSubscriptionStore.openInDir(config.DATA_DIR);
  const scheduler = new DigestScheduler({
    store,
    library: () => holder.current,
    clock,
    graceMinutes: config.DIGEST_GRACE_MINUTES,
    ...(logger ? { logger: logger.child({ part: "digest" }) } : {}),
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
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await store.close();
    },
  };
}
