/**
 * User text the bot repeats back ("no reaction from X", "bad time: X") is
 * made safe to repeat here, once, for every platform: invisible format
 * characters are removed (bidi overrides such as U+202E would make the
 * bot's reply display text in an order the user chose, "other format
 * characters" such as zero-width joiners and soft hyphens can hide text)
 * along with control characters, and the text is cut to a length that
 * cannot flood a chat.
 */
export const MAX_ECHO_CHARS = 100;

/**
 * Unicode category Cf (format: U+202A-U+202E and U+2066-U+2069 bidi
 * controls, U+200B-U+200F, U+2060-U+2064, U+FEFF, U+00AD, tags, ...) and Cc
 * (controls) other than tab and line breaks.
 */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `max` user-perceived characters (a flag or an accented letter is one), ending in "…" when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === max - 1) return `${out.trimEnd()}…`;
    out += segment;
    count += 1;
  }
  return out;
}

/** User text as a reply may show it: no invisible characters, at most MAX_ECHO_CHARS. */
export function echoable(text: string, max = MAX_ECHO_CHARS): string {
  return cutText(stripInvisible(text), max);
}
