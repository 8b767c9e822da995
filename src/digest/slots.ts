/**
 * Slot maths: when is "07:00 in Asia/Jakarta" today, as an instant? Pure
 * functions over Intl (no tz database of our own), correct across
 * daylight-saving changes:
 * - a local time that does not exist (the spring-forward gap, 02:30 in New York
 *   on the second Sunday of March) is moved forward by the length of the gap
 *   (03:30), as RFC 5545 and Temporal's "compatible" disambiguation do;
 * - a local time that happens twice (the fall-back overlap) means the first one.
 * A slot is one local calendar day of a subscription: at most one digest a day.
 */
export interface LocalTime {
  hour: number;
  minute: number;
}

export interface Slot {
  /** The local calendar date in the subscription's timezone, "YYYY-MM-DD": the ledger key. */
  key: string;
  /** The instant the digest is due (ms since the epoch). */
  dueAt: number;
}

const DAY_MS = 24 * 3600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a new formatter formats the same; the cache only saves building it.
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: the separators, stored under "literal", are never read.
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Jakarta: +7 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows `date` at `time` (see the rules above). */
export function zonedInstant(date: { year: number; month: number; day: number }, time: LocalTime, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // At most one offset change happens within a day either side of any date.
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((instant) => {
      const w = wallClock(instant, timeZone);
      return w.hour === time.hour && w.minute === time.minute && w.day === date.day;
    });
  // Both fit only when the clocks go back and the time comes twice: the first of the two.
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: the offset before the change carries the time forward by the gap's length.
  return naive - before;
}

function dateKey(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function shiftDate(d: { year: number; month: number; day: number }, days: number) {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

/** The slot of the local day containing `instant`. */
export function slotOfDay(instant: number, time: LocalTime, timeZone: string): Slot {
  const date = wallClock(instant, timeZone);
  return { key: dateKey(date), dueAt: zonedInstant(date, time, timeZone) };
}

/** The most recent slot due at or before `now`. */
export function latestSlot(now: number, time: LocalTime, timeZone: string): Slot {
  const today = slotOfDay(now, time, timeZone);
  if (today.dueAt <= now) return today;
  const date = shiftDate(wallClock(now, timeZone), -1);
  return { key: dateKey(date), dueAt: zonedInstant(date, time, timeZone) };
}

/** The first slot due strictly after `now` (for `digest status`). */
export function nextSlot(now: number, time: LocalTime, timeZone: string): Slot {
  const today = slotOfDay(now, time, timeZone);
  if (today.dueAt > now) return today;
  const date = shiftDate(wallClock(now, timeZone), 1);
  return { key: dateKey(date), dueAt: zonedInstant(date, time, timeZone) };
}

/** "07:30", "7:30", "07.30" (the Indonesian way) -> { hour: 7, minute: 30 }; undefined if not a 24-hour time. */
export function parseLocalTime(text: string): LocalTime | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  if (!m) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function formatLocalTime(time: LocalTime): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

/** Indonesian zone abbreviations people type, mapped to their IANA names. */
const ZONE_ALIASES: Record<string, string> = {
  wib: "Asia/Jakarta",
  wita: "Asia/Makassar",
  wit: "Asia/Jayapura",
  gmt: "UTC",
};

/**
 * The canonical IANA name for `text` ("asia/jakarta" -> "Asia/Jakarta", "WIB" ->
 * "Asia/Jakarta"), or undefined when it is not a timezone Intl knows. Offsets
 * ("+07:00") are refused: they ignore daylight saving, which is what a
 * region name is for.
 */
export function canonicalTimeZone(text: string): string | undefined {
  const trimmed = text.trim();
  const alias = ZONE_ALIASES[trimmed.toLowerCase()];
  if (alias) return alias;
  // Stryker disable next-line ConditionalExpression,Regex: Intl refuses whatever this refuses (offsets such as +07:00 included, on Node 20); the pattern keeps junk away from it.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(trimmed)) return undefined;
  // Stryker disable next-line MethodExpression: a listed name missed here is found by Intl below, in the same spelling.
  const listed = knownZones().get(trimmed.toLowerCase());
  // Stryker disable next-line ConditionalExpression: as above, Intl resolves a listed name to itself.
  if (listed) return listed;
  try {
    // ICU resolves current names to the legacy ones it lists (Asia/Kolkata -> Asia/Calcutta):
    // keep what the user typed when Intl accepts it and it has its capitals.
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
    return /[A-Z]/.test(trimmed) ? trimmed : resolved;
  } catch {
    // Intl refuses the name.
  }
  return undefined;
}

let zoneIndex: Map<string, string> | undefined;
function knownZones(): Map<string, string> {
  // Stryker disable next-line ArrayDeclaration,MethodExpression: a name missing from the index is found by Intl in canonicalTimeZone, in the same spelling.
  zoneIndex ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  return zoneIndex;
}
