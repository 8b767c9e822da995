import { findPlaces } from "../understand/entities.js";
import { tokenize } from "../understand/normalize.js";
import { organisationByCode } from "../understand/organisations.js";
import { countryFacts } from "../understand/places.js";
import { hasQuotation, toSentences } from "./paragraphs.js";
import { findQuotes } from "./quotes.js";
import { INSTITUTION, resolveSpeaker } from "./speakers.js";
import type { Part } from "./structure.js";

/**
 * parts -> actors: who each part is about (its `- Name` line, or for the
 * opening paragraphs, whom the first quote's speaker speaks for), with names
 * in both languages from the country packages or the organisations table, the
 * quotes said in that part, and a reaction made of the part's own sentences.
 */
export interface DraftQuote {
  speaker: string;
  role: string;
  text: string;
}

export interface DraftActor {
  id: string;
  /** ISO alpha-2 or organisation code; undefined for a name neither knows. */
  code?: string;
  name: { id: string; en?: string };
  flag: string;
  color: number;
  aliases: { id: string[]; en: string[] };
  reaction: string;
  quotes: DraftQuote[];
}

/** Country and organisation codes named in `text`, in order. */
export function placesIn(text: string): string[] {
  return findPlaces(tokenize(text), text).map((p) => p.code);
}

/** Lower-case letters and digits joined by single dashes, at most 24 characters (the schema's actor id). */
const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    // Every run of other characters is one dash by now: a dash at either end, and one left by the cut.
    .replace(/^-|-$/g, "")
    .slice(0, 24)
    .replace(/-$/, "");

/**
 * The packages carry no colours: a stable one per code (same hue every import),
 * for the editor to replace with the flag's colour if they wish.
 */
export function stableColor(key: string): number {
  // FNV-1a, so neighbouring codes (FR, RU) land far apart on the colour wheel.
  let hash = 0x811c9dc5;
  for (const ch of key) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  const h = hash % 360;
  const [s, l] = [0.6, 0.42];
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    // HSL's l - s * min(l, 1 - l) * …, with l under a half.
    return Math.round(255 * (l - s * l * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return (f(0) << 16) | (f(8) << 8) | f(4);
}

const unique = (list: string[]) => [...new Set(list.filter(Boolean))];

/** An actor's names, flag and colour from the data, the name as the article writes it first. */
export function actorIdentity(code: string | undefined, written: string): Omit<DraftActor, "reaction" | "quotes"> {
  const org = code ? organisationByCode(code) : undefined;
  if (org) {
    return {
      id: slug(org.code),
      code: org.code,
      name: { id: org.name.id, en: org.name.en },
      flag: org.flag,
      color: org.color,
      aliases: { id: unique([org.name.id, written, ...org.aliases.id]), en: unique([org.name.en, ...org.aliases.en]) },
    };
  }
  const country = code ? countryFacts(code) : undefined;
  if (country && code) {
    const en = country.names.en[0]!;
    return {
      id: slug(en),
      code,
      name: { id: written || country.names.id[0] || en, en },
      flag: country.flag,
      color: stableColor(code),
      aliases: {
        id: unique([written, ...country.names.id, ...country.capitals]),
        en: unique([...country.names.en, ...(country.demonym ? [country.demonym] : []), ...country.capitals]),
      },
    };
  }
  return { id: slug(written) || "actor", name: { id: written }, flag: "🌐", color: stableColor(written), aliases: { id: [written], en: [] } };
}

/** The article's own account in a part: its sentences outside quotations. */
function reactionOf(part: Part): string {
  const own = part.paragraphs.flatMap(toSentences).filter((s) => !hasQuotation(s));
  return (own.length > 0 ? own : part.paragraphs).join(" ");
}

/** The name as the article writes it for `code`, in the first paragraph naming it, for the Indonesian name. */
function writtenName(paragraphs: readonly string[], code: string): string | undefined {
  for (const text of paragraphs) {
    const mention = findPlaces(tokenize(text), text).find((p) => p.code === code);
    if (!mention) continue;
    // The mention is cleaned text: letters and digits in words, so nothing to escape; "Türkiye" (cleaned "turkiye") is not found again.
    return new RegExp(mention.text.split(" ").join("[^\\p{L}]+"), "iu").exec(text)?.[0];
  }
  return undefined;
}

export function toActors(parts: readonly Part[], article: readonly string[]): DraftActor[] {
  const byId = new Map<string, DraftActor>();
  for (const part of parts) {
    const quotes = part.paragraphs.flatMap((p, i) =>
      findQuotes(p).flatMap((q) => (q.attribution ? [{ text: q.text, speaker: resolveSpeaker(q.attribution, part.paragraphs.slice(0, i + 1), article) }] : [])),
    );
    let code: string | undefined;
    let written: string;
    if (part.heading) {
      code = placesIn(part.heading)[0];
      written = part.heading;
    } else {
      // The opening paragraphs belong to whoever their first speaker speaks for, else the first place named.
      const first = quotes[0]?.speaker;
      code = placesIn([first?.role, first?.name].join(" "))[0] ?? part.paragraphs.flatMap(placesIn)[0];
      if (!code) continue;
      // The data's Indonesian name when the article uses it ("Indonesia", not "Pemerintah Indonesia").
      const dataName = countryFacts(code)?.names.id.find((n) => article.some((p) => new RegExp(`(?<![\\p{L}])${n}(?![\\p{L}])`, "u").test(p)));
      written = dataName ?? writtenName(part.paragraphs, code) ?? "";
    }
    const identity = actorIdentity(code, written);
    // People are found by their full and last names in both languages; institutions by their (Indonesian) name.
    const speakers = quotes.map((q) => q.speaker.name);
    // A one-word name is its own last name: unique() keeps it once.
    const personNames = speakers.filter((n) => !INSTITUTION.test(n)).flatMap((n) => [n, n.split(" ").at(-1)!]);
    const actor: DraftActor = byId.get(identity.id) ?? { ...identity, reaction: "", quotes: [] };
    actor.aliases = { id: unique([...actor.aliases.id, ...personNames, ...speakers]), en: unique([...actor.aliases.en, ...personNames]) };
    actor.reaction = [actor.reaction, reactionOf(part)].filter(Boolean).join(" ");
    actor.quotes.push(...quotes.map((q) => ({ speaker: q.speaker.name, role: q.speaker.role ?? actor.name.id, text: q.text })));
    byId.set(identity.id, actor);
  }
  return [...byId.values()];
}
