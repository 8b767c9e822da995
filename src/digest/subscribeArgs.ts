import { UserError } from "../core/errors.js";
import type { Lang, Localized } from "../core/lang.js";
import { t, type Catalogue } from "../core/strings.js";
import type { DigestMode, Subscription } from "../store/types.js";
import { canonicalTimeZone, formatLocalTime, parseLocalTime } from "./slots.js";

/**
 * `digest subscribe [time] [timezone] [language] [mode]` as a pure resolver:
 * raw option values in, validated settings out, or a UserError naming the bad
 * value with an example. Values typed in another order still land where they
 * belong ("/digest subscribe Asia/Makassar" sets the timezone, not the time),
 * because a time, a language and a mode are easy to tell apart.
 */
export const DEFAULT_TIME = "07:00";
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

export interface SubscribeSettings {
  time: string;
  timeZone: string;
  lang: Lang;
  mode: DigestMode;
}

type Slot = "time" | "timezone" | "language" | "mode";
const SLOTS: readonly Slot[] = ["time", "timezone", "language", "mode"];

const LANG_WORDS: Record<string, Lang> = { id: "id", indonesia: "id", indonesian: "id", en: "en", english: "en", inggris: "en" };
const MODE_WORDS: Record<string, DigestMode> = { new: "new", baru: "new", always: "always", selalu: "always" };

function shapeOf(value: string): Slot | undefined {
  const v = value.trim().toLowerCase();
  // Shapes, not validity: "25:00" and "7am" are meant as times, "Mars/Olympus" as a timezone,
  // and each is then refused with the message for what it was meant to be.
  if (/^\d/.test(v)) return "time";
  if (v in LANG_WORDS) return "language";
  if (v in MODE_WORDS) return "mode";
  if (v.includes("/") || canonicalTimeZone(v)) return "timezone";
  return undefined;
}

function userError(identifier: string, message: (c: Catalogue) => string): UserError {
  const text: Localized = { id: message(t("id")), en: message(t("en")) };
  return new UserError(identifier, text);
}

/** Puts each given value in the slot its shape says, when that slot is free. */
function sortByShape(args: Record<string, string | undefined>): Partial<Record<Slot, string>> {
  const given = SLOTS.map((slot) => [slot, args[slot]?.trim()] as const).filter(([, v]) => v);
  const out: Partial<Record<Slot, string>> = {};
  const unplaced: (readonly [Slot, string])[] = [];
  for (const [slot, value] of given) {
    const shape = shapeOf(value!);
    if (shape && out[shape] === undefined) out[shape] = value!;
    else unplaced.push([slot, value!]);
  }
  // Values of no recognisable shape stay in their own slot, to be refused there with the right message.
  for (const [slot, value] of unplaced) if (out[slot] === undefined) out[slot] = value;
  return out;
}

export function resolveSubscribeArgs(
  args: Record<string, string | undefined>,
  callerLang: Lang,
  existing?: Subscription,
): SubscribeSettings {
  const given = sortByShape(args);
  let time = existing?.time ?? DEFAULT_TIME;
  if (given.time !== undefined) {
    const parsed = parseLocalTime(given.time);
    if (!parsed) throw userError("digest.bad_time", (c) => c.digest.badTime(given.time!));
    time = formatLocalTime(parsed);
  }
  let timeZone = existing?.timeZone ?? DEFAULT_TIME_ZONE;
  if (given.timezone !== undefined) {
    const zone = canonicalTimeZone(given.timezone);
    if (!zone) throw userError("digest.bad_timezone", (c) => c.digest.badTimeZone(given.timezone!));
    timeZone = zone;
  }
  let lang: Lang = existing?.lang ?? callerLang;
  if (given.language !== undefined) {
    const l = LANG_WORDS[given.language.toLowerCase()];
    if (!l) throw userError("digest.bad_language", (c) => c.digest.badLang(given.language!));
    lang = l;
  }
  let mode: DigestMode = existing?.mode ?? "new";
  if (given.mode !== undefined) {
    const m = MODE_WORDS[given.mode.toLowerCase()];
    if (!m) throw userError("digest.bad_mode", (c) => c.digest.badMode(given.mode!));
    mode = m;
  }
  return { time, timeZone, lang, mode };
}

export { userError };
