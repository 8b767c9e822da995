import type { SubscriptionStore } from "../store/types.js";
import type { Clock } from "./clock.js";

/**
 * What the `digest` command needs from the composition root, passed in
 * `CommandContext.services` under DIGEST_SERVICE so commands stay free of
 * wiring: the store, and the clock every schedule is computed against.
 */
export const DIGEST_SERVICE = "digest";

export interface DigestServices {
  store: SubscriptionStore;
  clock: Clock;
}

export function digestServices(services: Record<string, unknown>): DigestServices | undefined {
  const candidate = services[DIGEST_SERVICE] as Partial<DigestServices> | undefined;
  return candidate?.store && candidate.clock ? (candidate as DigestServices) : undefined;
}
