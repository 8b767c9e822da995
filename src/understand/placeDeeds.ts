import type { Article } from "../content/article.js";
import { factIndex, type FactSentence, type FactUnit } from "./factIndex.js";
import { pointingForms, weightIn } from "./factWeights.js";
import { CUE_WORDS } from "./facts.js";
import { STOP_WORD_SET } from "./language.js";
import { cleanText, tokenize } from "./normalize.js";
import { PLACES } from "./places.js";
import { settingOf } from "./setting.js";

/**
 * A place of the story's setting made no statement of its own, yet the
 * article may tell what it does or is held to ("what did Armenia criticise?",
 * "what is Azerbaijan responsible for?"). When one sentence names the place
 * and holds every other word of the question, its verb too (even a word of
 * saying or criticising), that sentence answers, under the part it belongs
 * to, instead of "no reaction from Armenia". A bare "what did Armenia say?"
 * has no such word and keeps that answer; so does a question with a word the
 * sentence lacks ("what did Armenia's prime minister say?").
 */

export interface PlaceDeed {
  sentence: FactSentence;
  unit: FactUnit;
  /** The question's words the sentence holds, for cutting a long one to its clause. */
  focus: string[];
}

export function placeDeed(article: Article, tokens: readonly string[], placeText: string): PlaceDeed | undefined {
  const code = PLACES.get(cleanText(placeText))?.code;
  if (!code || !settingOf(article).places.has(code)) return undefined;
  const idx = factIndex(article);
  const placeWords = new Set(tokenize(placeText));
  const words = [...new Set(tokens)].filter(
    (t) => t.length >= 3 && !/^\d+$/.test(t) && !STOP_WORD_SET.has(t) && !CUE_WORDS.has(t) && !idx.names.has(t) && !placeWords.has(t),
  );
  if (words.length === 0) return undefined;
  const pointers = words.map((w) => pointingForms(idx, w));
  let best: { s: (typeof idx.sentences)[number]; score: number } | undefined;
  for (const s of idx.sentences) {
    if (!s.unit || !s.places.has(code)) continue;
    const weights = pointers.map((p) => weightIn(p, s.forms));
    if (weights.some((x) => x === 0)) continue;
    const score = weights.reduce((a, b) => a + b, 0);
    if (!best || score > best.score) best = { s, score };
  }
  return best && best.s.unit ? { sentence: best.s, unit: best.s.unit, focus: words } : undefined;
}
