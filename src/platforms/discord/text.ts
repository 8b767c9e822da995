import { escapeMarkdown } from "discord.js";

/**
 * Making user and article text inert inside an embed, and cutting it to
 * Discord's limits without breaking an escape sequence.
 */

const ZWSP = "\u200b";

/**
 * Escapes markdown and defuses mentions. Embeds never notify anyone, but a
 * mention still renders as a highlighted name; a zero-width space after "@"
 * or "<" keeps "@everyone" and "<@123>" plain text while looking the same.
 */
export function inert(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/g, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#|\/|t:)/g, `<${ZWSP}$1`);
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
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1;
  let cut = text.slice(0, end);
  // A trailing backslash would escape whatever comes next in the following piece.
  while (cut.endsWith("\\") && !cut.endsWith("\\\\")) cut = cut.slice(0, -1);
  return cut;
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
    const head = at > 0 ? rest.slice(0, at) : safeCut(rest, max);
    pieces.push(head.trimEnd());
    rest = rest.slice(head.length).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
