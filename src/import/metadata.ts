/**
 * The article's metadata from its text: the date of the events (`Rabu
 * (20/9/2023)`, `20 September 2023`), a title cut from the first sentence when
 * the page gives none, and a folder id.
 */
const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maret: 3, april: 4, mei: 5, juni: 6, juli: 7, agustus: 8, september: 9, oktober: 10, november: 11, desember: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10, december: 12,
};

const iso = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2999
    ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
    : undefined;

/** The first date the text names for its events, as YYYY-MM-DD. */
export function eventsDateIn(text: string): string | undefined {
  const dated = /\((\d{1,2})\/(\d{1,2})\/(\d{4})\)/.exec(text);
  if (dated) return iso(Number(dated[3]), Number(dated[2]), Number(dated[1]));
  const written = /\b(\d{1,2})\s+(\p{L}+)\s+(\d{4})\b/u.exec(text);
  const month = written ? MONTHS[written[2]!.toLowerCase()] : undefined;
  if (written && month) return iso(Number(written[3]), month, Number(written[1]));
  return undefined;
}

/** A page's or feed item's date ("2023-09-20T10:00:00+07:00", RFC 822) as YYYY-MM-DD, in the writer's own day where written. */
export function dateOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const direct = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (direct) return iso(Number(direct[1]), Number(direct[2]), Number(direct[3]));
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

/** The first sentence, cut at a word so it fits `max` characters. */
export function titleFrom(sentence: string, max = 100): string {
  const clean = sentence.replace(/[“”"]/g, "").replace(/\s+/g, " ").trim().replace(/[.!?]$/, "");
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:(-]+$/, "")}…`;
}

/** "2023-09-20-jepang-menjanjikan-bantuan": the date and the title's first words. */
export function articleId(date: string, title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2)
    .slice(0, 5);
  return `${date}-${words.join("-")}`.slice(0, 64).replace(/-+$/, "");
}
