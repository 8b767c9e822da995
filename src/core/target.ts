/**
 * Where a message goes, in platform-neutral form: "telegram:-100123",
 * "discord:456", "console:local". Platforms build these for ChatContext; the
 * digest store keeps the two halves; `Platform.send` accepts either form.
 */
export const PLATFORM_NAMES = ["telegram", "discord", "console"] as const;
export type PlatformName = (typeof PLATFORM_NAMES)[number];

export function formatTarget(platform: PlatformName, id: string | number): string {
  return `${platform}:${id}`;
}

/** "telegram:-100123" -> { platform: "telegram", chatId: "-100123" }; undefined for anything else. */
export function parseTarget(target: string): { platform: PlatformName; chatId: string } | undefined {
  const at = target.indexOf(":");
  const platform = target.slice(0, at) as PlatformName;
  const chatId = target.slice(at + 1);
  if (at <= 0 || !PLATFORM_NAMES.includes(platform) || !chatId) return undefined;
  return { platform, chatId };
}

/** The platform's own chat id, from a target of that platform or a bare id. */
export function chatIdOn(platform: PlatformName, target: string): string {
  const parsed = parseTarget(target);
  return parsed?.platform === platform ? parsed.chatId : target;
}
