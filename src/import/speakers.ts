import { cleanText } from "../understand/normalize.js";
import { PLACES } from "../understand/places.js";
import type { Attribution } from "./quotes.js";

/**
 * attribution + the text before it -> the speaker's full name and role, from
 * the article's own words: `kata Colonna` after "Menteri Luar Negeri Perancis
 * Catherine Colonna mengatakan" is Catherine Colonna, Menteri Luar Negeri
 * Perancis; `kementerian itu` is the last Kementerian named before.
 */
export interface Speaker {
  name: string;
  /** The role as the article words it; undefined when it gives none. */
  role?: string;
}

/** Words of official titles: a capitalised run ending in a name is title words, then the name. */
const TITLE_WORDS = new Set(
  `menteri luar negeri dalam perdagangan pertahanan keuangan presiden wakil perdana sekretaris jenderal juru bicara
  kepala duta besar komisioner direktur ketua utama kanselir raja ratu pangeran gubernur wali kota jaksa agung
  panglima manajemen krisis kementerian komisi pemerintah kantor badan dewan keamanan urusan eksekutif senior
  pejabat diplomat utusan khusus tinggi perwakilan sekjen menlu kemlu kemenlu mendag dirjen kapolri`.match(/\p{L}+/gu),
);

/** Speakers that are institutions, not people: their name is the whole run. */
export const INSTITUTION = /^(?:Kementerian|Komisi|Pemerintah|Kantor|Badan|Dewan|Kedutaan)\b/u;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// Stryker disable next-line StringLiteral: no name holds a character special in a pattern (the phrases stop at full stops; names are letters, apostrophes, hyphens): a safeguard.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function isTitleOrPlace(word: string): boolean {
  const key = cleanText(word);
  return TITLE_WORDS.has(key) || PLACES.has(key);
}

/** The capitalised run of words that ends in `ref`, in the first paragraph holding one. */
function runEndingIn(ref: string, paragraphs: readonly string[]): string[] | undefined {
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,8})${escapeRe(ref)}(?![\\p{L}])`, "u");
  for (const p of paragraphs) {
    const m = re.exec(p);
    if (m && m[1]) return [...m[1].trim().split(/\s+/), ...ref.split(/\s+/)];
  }
  return undefined;
}

/** `context` is what the article says before the quote, nearest paragraph last; `article` is every paragraph. */
export function resolveSpeaker(attribution: Attribution, context: readonly string[], article: readonly string[]): Speaker {
  const statementRole = attribution.statement ? "Pernyataan" : undefined;
  const givenRole = attribution.role ? capitalise(attribution.role) : statementRole;
  // parseAttribution gives a speaker in lower case only for "kementerian itu" / "kementerian tersebut": its noun.
  const anaphor = /^(\p{Ll}+)\s/u.exec(attribution.speaker);
  if (anaphor) {
    const noun = capitalise(anaphor[1]!);
    const re = new RegExp(`\\b${escapeRe(noun)}(?:\\s+\\p{Lu}[\\p{L}-]*)+`, "gu");
    const named = [...context].reverse().flatMap((p) => [...p.matchAll(re)].map((m) => m[0]).reverse())[0];
    return { name: named ?? capitalise(attribution.speaker), ...(givenRole ? { role: givenRole } : {}) };
  }
  if (INSTITUTION.test(attribution.speaker)) {
    return { name: attribution.speaker, ...(givenRole ? { role: givenRole } : {}) };
  }
  const run = runEndingIn(attribution.speaker, [...[...context].reverse(), ...article]);
  if (!run) return { name: attribution.speaker, ...(givenRole ? { role: givenRole } : {}) };
  // From the right: the name's words, until the first title word or place.
  let cut = run.length - attribution.speaker.split(/\s+/).length;
  while (cut > 0 && !isTitleOrPlace(run[cut - 1]!)) cut--;
  const name = run.slice(cut).join(" ");
  const titled = run.slice(0, cut).join(" ");
  const role = givenRole ?? (titled || undefined);
  return { name, ...(role ? { role } : {}) };
}
