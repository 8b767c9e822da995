/**
 * What /readyz reports: each part of the bot (content, store, every
 * configured platform, the digest store as seen by the scheduler) says
 * whether it works, and why not when it does not. Parts report themselves;
 * nobody polls them from here, so a part that never reported is "not yet".
 */
import { redactSecrets } from "../core/log.js";

export interface PartState {
  ok: boolean;
  reason?: string;
}

export interface HealthReport {
  ok: boolean;
  parts: Record<string, PartState>;
}

export class Health {
  private readonly parts = new Map<string, PartState>();

  /** Records a part's state; `reason` says what is wrong (shown on /readyz, so never a secret). */
  set(part: string, ok: boolean, reason?: string): void {
    // Reasons are shown to whoever can reach /readyz: an error quoting a token must not carry it there.
    this.parts.set(part, ok || reason === undefined ? { ok } : { ok, reason: redactSecrets(reason) });
  }

  /** Declares a part that must report before the bot is ready (a configured platform still connecting). */
  expect(part: string, reason = "not started yet"): void {
    if (!this.parts.has(part)) this.parts.set(part, { ok: false, reason });
  }

  report(): HealthReport {
    const parts = Object.fromEntries([...this.parts].sort(([a], [b]) => a.localeCompare(b)));
    return { ok: [...this.parts.values()].every((p) => p.ok), parts };
  }
}
