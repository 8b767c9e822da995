/**
 * Making user and article text inert inside an embed, and cutting it to
 * Discord's limits without breaking an escape sequence.
 */

const ZWSP = "\u200b";

/**
 * Backslash-escapes Discord markdown (https://support.discord.com/hc/en-us/articles/210298617):
 * the inline markers anywhere, and headings, quotes, lists and subtext at the
 * start of a line. discord.js's escapeMarkdown does the same but is hundreds of times
 * slower on long text (it re-splits around code spans for every rule).
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(/^(\s*)(-#|#{1,3}|>{1,3}|[-+])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*\d+)\.(?=\s)/gm, "$1\\.");
}

/**
 * Escapes markdown and defuses mentions. Embeds never notify anyone, but a
 * mention still renders as a highlighted name; a zero-width space after "@"
 * or "<" keeps "@everyone" and "<@123>" plain text while looking the same.
 */
export function inert(text: string): string {
  return escapeDiscordMarkdown(text)
    .replace(/@(everyone|here)/g, `@${ZWSP}$1`)
    .replace(/<(@|#|\/|t:)/g, `<${ZWSP}$1`);
}

/** Cuts `text` to at most `max` characters, ending with "…" when it was longer. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${safeCut(text, max - 1).trimEnd()}…`;
}

/** The longest prefix of at most `max` characters that does not end in a lone escape or half a surrogate pair. */
function safeCut(text: string, max: number): string {
  let end = Math.min(max, text.length);
  // Do not split a UTF-16 surrogate pair (an emoji flag is two of them).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: uncut, the text ends where it ends; only malformed text ends in half a pair.
  const cut = end < text.length;
  // Stryker disable next-line StringLiteral: the stand-in for no character only has to hold no high surrogate, and any text Stryker puts there holds none either.
  if (cut && /[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1;
  const head = text.slice(0, end);
  // An odd run of trailing backslashes ends in a lone escape, which would escape whatever starts the next piece.
  const trailing = /\\*$/.exec(head)![0].length;
  return trailing % 2 === 1 ? head.slice(0, -1) : head;
}

/**
 * Splits text into pieces of at most `max` characters, preferring paragraph
 * breaks, then line breaks, then spaces; a word longer than `max` is cut.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = -1;
    for (const sep of ["\n\n", "\n", " "]) {
      const i = window.lastIndexOf(sep);
      if (i > max / 2) {
        at = i;
        break;
      }
    }
    // Stryker disable next-line EqualityOperator: a separator counts only past max / 2, so `at` is never 0.
    const head = at > 0 ? rest.slice(0, at) : safeCut(rest, max);
    pieces.push(head.trimEnd());
    rest = rest.slice(head.length).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
