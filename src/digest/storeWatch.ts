import type { Logger } from "../core/log.js";
import type { Health } from "../ops/health.js";
import { storeFailuresTotal } from "../ops/metrics.js";

/**
 * A digest tick that fails on the store (a corrupt file, a database that went
 * away) must not pass silently once a minute forever: each failure is logged
 * at error level with its cause and counted (kabar_store_failures_total), and
 * after STORE_FAILURES_BEFORE_NOT_READY in a row the "digest-store" part of
 * /readyz turns red, so an orchestrator or a person looks. One good tick
 * turns it green again.
 */
export const STORE_FAILURES_BEFORE_NOT_READY = 3;
export const DIGEST_STORE_PART = "digest-store";

export class DigestStoreWatch {
  private failuresInARow = 0;
  private health?: Pick<Health, "set">;
  private reported?: boolean;
  private lastReason?: string;

  constructor(private readonly logger?: Logger) {}

  /** Where the state goes; the health registry is made after the scheduler, so it is attached later. */
  reportTo(health: Pick<Health, "set">): void {
    this.health = health;
    if (this.reported !== undefined) this.publish(this.reported);
  }

  get consecutiveFailures(): number {
    return this.failuresInARow;
  }

  failed(err: unknown): void {
    storeFailuresTotal.inc();
    this.failuresInARow += 1;
    const cause = err instanceof Error ? err.message : String(err);
    this.logger?.error({ err, cause, failuresInARow: this.failuresInARow }, `digest tick failed on the store: ${cause}`);
    if (this.failuresInARow >= STORE_FAILURES_BEFORE_NOT_READY) this.publish(false, `${this.failuresInARow} digest ticks in a row failed: ${cause}`);
  }

  succeeded(): void {
    this.failuresInARow = 0;
    // Only a part that was reported red is reported again: a store that never failed adds nothing to /readyz.
    if (this.reported === false) this.publish(true);
  }

  private publish(ok: boolean, reason?: string): void {
    this.reported = ok;
    this.lastReason = reason;
    this.health?.set(DIGEST_STORE_PART, ok, ok ? undefined : this.lastReason);
  }
}
