import type { PlatformName, SubscriptionStore } from "../store/types.js";
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

const PLATFORMS: readonly PlatformName[] = ["telegram", "discord", "console"];

/** "telegram:-100123" -> { platform: "telegram", chatId: "-100123" }; undefined for anything else. */
export function parseTarget(target: string): { platform: PlatformName; chatId: string } | undefined {
  const at = target.indexOf(":");
  const platform = target.slice(0, at) as PlatformName;
  const chatId = target.slice(at + 1);
  if (at <= 0 || !PLATFORMS.includes(platform) || !chatId) return undefined;
  return { platform, chatId };
}
