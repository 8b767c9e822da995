import { LEX, score } from "./scores.js";

/**
 * Whether a word alone reads as a reaction ("condemn", "kecam"): scored once per word, since every
 * fact question asks it of each of its words (facts.ts, contentWords). Bounded: emptied when full,
 * as any word can be typed.
 */
const reactionWords = new Map<string, boolean>();
const MEMO_SIZE = 10_000;

export function isReactionWord(word: string): boolean {
  let is = reactionWords.get(word);
  if (is === undefined) {
    is = score(LEX.reaction, [word], ` ${word} `) !== 0;
    if (reactionWords.size >= MEMO_SIZE) reactionWords.clear();
    reactionWords.set(word, is);
  }
  return is;
}
