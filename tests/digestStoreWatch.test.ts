import { describe, expect, it } from "vitest";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { DIGEST_STORE_PART } from "../src/digest/storeWatch.js";
import { Health } from "../src/ops/health.js";
import { storeFailuresTotal } from "../src/ops/metrics.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import type { SubscriptionStore } from "../src/store/types.js";
import { library, recordingLogger } from "./helpers/core.js";

/** A real SQLite store whose reads fail the way a corrupt file does, until `healed`. */
function flakyStore(): { store: SubscriptionStore; heal(): void } {
  const real = new SqliteSubscriptionStore(":memory:");
  let broken = true;
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === "active" && broken) {
        return async () => {
          const err = new Error("database disk image is malformed");
          (err as { code?: string }).code = "SQLITE_CORRUPT";
          throw err;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store, heal: () => (broken = false) };
}

async function failures(): Promise<number> {
  return (await storeFailuresTotal.get()).values[0]?.value ?? 0;
}

describe("digest ticks failing on the store", () => {
  it("GIVEN three failing ticks in a row THEN each is logged at error level with the cause, counted, and /readyz's digest-store turns red; one good tick turns it green", async () => {
    const { store, heal } = flakyStore();
    const { logger, lines } = recordingLogger();
    const health = new Health();
    const scheduler = new DigestScheduler({ store, library: () => library, graceMinutes: 120, logger, trigger: () => ({ stop() {} }) });
    scheduler.storeWatch.reportTo(health);
    const before = await failures();

    await scheduler.tick();
    await scheduler.tick();
    expect(health.report().parts[DIGEST_STORE_PART]).toBeUndefined();
    await scheduler.tick();
    expect(health.report().parts[DIGEST_STORE_PART]).toEqual({ ok: false, reason: "3 digest ticks in a row failed: database disk image is malformed" });
    expect(health.report().ok).toBe(false);
    expect((await failures()) - before).toBe(3);
    const errors = lines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ cause: "database disk image is malformed", msg: "digest tick failed on the store: database disk image is malformed" });

    heal();
    await scheduler.tick();
    expect(health.report().parts[DIGEST_STORE_PART]).toEqual({ ok: true });
    await scheduler.stop();
  });
});
