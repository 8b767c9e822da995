/**
 * paragraph -> the quotations in it, verbatim, with the attribution around
 * them as written: `“…,” kata X.`, `ujar X`, `ungkap X`, `tegas X`,
 * `kata juru bicara X, Y`, `kata kementerian itu dalam sebuah pernyataan`,
 * `Menurut X, “…”`, `X mengatakan, “…”`. Who X is comes later (speakers.ts).
 */
export interface Attribution {
  /** The speaker as the attribution names them: "Colonna", "Stephane Dujarric", "kementerian itu". */
  speaker: string;
  /** A role the attribution itself gives ("juru bicara Guterres"). */
  role?: string;
  /** Said in a statement ("dalam sebuah pernyataan"), not in person. */
  statement: boolean;
}

export interface FoundQuote {
  /** The words between the quotation marks, without the closing comma or full stop. */
  text: string;
  paragraph: string;
  attribution?: Attribution;
}

const QUOTATION = /“([^“”]+)”|"([^"]+)"/gu;
const VERBS = "kata|ujar|ungkap|tegas|ucap|tutur|jelas|imbuh|tambah|sebut";
const AFTER = new RegExp(`^\\s*,?\\s*(?:${VERBS})(?:nya)?\\s+([^.]+?)\\s*(?:\\.|$)`, "iu");
const MENURUT = /(?:^|[.!?]\s+)menurut\s+([^,.“”"]+?)\s*,\s*$/iu;
// The name, a space (more spaces stay in the phrase, whose end nothing reads), the verb and its comma, and the quote.
const SAID_BEFORE = /(?:^|[.!?]\s+)(\p{Lu}[^,.“”"]*?)\s(?:mengatakan|menegaskan|menyatakan|berkata|mengungkapkan),?\s*$/u;
const STATEMENT = /\b(?:dalam|lewat|melalui)\s+(?:sebuah\s+|suatu\s+)?(?:pernyataan|siaran pers|keterangan tertulis)\b.*/iu;
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|bin|binti|van|von|de|al))*/u;

/** Quotes shorter than this with no attribution are scare quotes ("hilirisasi"), not speech. */
const MIN_UNATTRIBUTED_WORDS = 6;

export function parseAttribution(phrase: string): Attribution | undefined {
  const statement = STATEMENT.test(phrase);
  // The patterns give a phrase from a word to a word; the spaces STATEMENT may leave at its end are read by nothing below.
  const said = phrase.replace(STATEMENT, "");
  const comma = said.lastIndexOf(", ");
  // A phrase starts at a word, so a comma found has a role before it.
  if (comma !== -1) {
    const name = NAME.exec(said.slice(comma + 2))?.[0];
    if (name) return { speaker: name, role: said.slice(0, comma).trim(), statement };
  }
  const anaphor = /^(\p{Ll}+)\s+(?:itu|tersebut)\b/u.exec(said);
  if (anaphor) return { speaker: anaphor[0], statement };
  const name = NAME.exec(said)?.[0];
  if (name) return { speaker: name, statement };
  // "juru bicara WHO Tarik Lindholm (kepada wartawan)": a lower-case role, then the name, then maybe where or to whom.
  const trailing = /^(\p{Ll}[\p{Ll}\s]*?\s\p{Lu}\S*)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+)/u.exec(said);
  if (trailing) return { speaker: trailing[2]!, role: trailing[1]!, statement };
  return undefined;
}

export function findQuotes(paragraph: string): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const match of paragraph.matchAll(QUOTATION)) {
    const inner = match[1] ?? match[2]!;
    const text = inner.trim().replace(/[\s,.;:]+$/u, "");
    if (!text) continue;
    const end = match.index + match[0].length;
    const after = AFTER.exec(paragraph.slice(end));
    const before = paragraph.slice(0, match.index);
    const phrase = after?.[1] ?? MENURUT.exec(before)?.[1] ?? SAID_BEFORE.exec(before)?.[1];
    const attribution = phrase ? parseAttribution(phrase) : undefined;
    if (!attribution && text.split(/\s+/).length < MIN_UNATTRIBUTED_WORDS) continue;
    out.push({ text, paragraph, ...(attribution ? { attribution } : {}) });
  }
  return out;
}
