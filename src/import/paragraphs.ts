/**
 * The first steps of the import pipeline: raw text -> paragraphs -> sentences.
 * Paragraphs are substrings of the text (only trimmed), so every quote found in
 * them is verbatim in original.txt.
 */

/** One paragraph per non-empty line (news sites put one paragraph on a line). */
export function toParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const OPENERS = new Set(["“", '"']);
const CLOSERS: Record<string, string> = { "“": "”", '"': '"' };

/**
 * Sentences of a paragraph: split after . ! ? followed by a space and a
 * capital or an opening quote, never inside a quotation, never after a
 * capitalised abbreviation of one or two letters ("Dr.", "A.S.").
 */
export function toSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  let open: string | undefined;
  // UTF-16 units, as slice() counts them.
  for (const [i, ch] of paragraph.split("").entries()) {
    if (open) {
      if (ch === CLOSERS[open]) open = undefined;
      continue;
    }
    if (OPENERS.has(ch)) {
      open = ch;
      continue;
    }
    if (!".!?".includes(ch)) continue;
    const rest = paragraph.slice(i + 1);
    const next = /^\s+([\p{Lu}“"(])/u.exec(rest);
    if (!next) continue;
    // The letters right before the stop (none after a digit): `\p{L}*$` always matches.
    const word = /\p{L}*$/u.exec(paragraph.slice(start, i))![0];
    if (ch === "." && word.length <= 2 && word !== word.toLowerCase()) continue;
    out.push(paragraph.slice(start, i + 1).trim());
    start = i + 1;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Holds a quotation mark, so the sentence is (part of) a quote rather than the article's own account. */
export function hasQuotation(text: string): boolean {
  return /[“”]|"[^"]{3,}"/.test(text);
}
