import type { Lang } from "./lang.js";
import type { CommandCall } from "./reply.js";

/**
 * Buttons carry the command call they stand for, packed into the platform's
 * callback field: Telegram's callback_data allows 1-64 bytes
 * (https://core.telegram.org/bots/api#inlinekeyboardbutton), Discord's
 * custom_id 100 characters. Format: "k1|<command>|<lang>|<key>=<value>&...".
 */
const PREFIX = "k1";
export const MAX_CALLBACK_BYTES = 64;

export function encodeCall(call: CommandCall): string {
  const args = Object.entries(call.args)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join("&");
  const data = [PREFIX, call.command, call.lang, args].join("|");
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

/** The call a button stands for, or undefined for data this version did not write (stale buttons). */
export function decodeCall(data: string): CommandCall | undefined {
  const parts = data.split("|");
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, command, lang, argText] = parts as [string, string, string, string];
  if (!/^[a-z_]{1,32}$/.test(command) || (lang !== "id" && lang !== "en")) return undefined;
  const args: Record<string, string> = {};
  try {
    for (const pair of argText ? argText.split("&") : []) {
      const eq = pair.indexOf("=");
      if (eq <= 0) return undefined;
      args[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
    }
  } catch {
    return undefined;
  }
  return { command, lang: lang as Lang, args };
}
