import { type FactIndex, wordForms } from "./factIndex.js";

/**
 * How much a question's word says about which of the article's sentences is
 * meant, shared by the fact steps (findFact, findDetail, placeDeed) so they
 * weigh evidence alike: a rarer form more (idf over the article's
 * sentences), a match only through a near-synonym ("@concept") half.
 */

/** What matches only through a concept (a near-synonym) counts half against the word itself or its forms. */
const CONCEPT_WEIGHT = 0.5;
/**
 * Bases shorter than this point at a sentence only when they are the question's word itself: a short base is where
 * affix reduction collides ("serangan" and "perangnya" share "rang", "lately" and "latest" share "late").
 */
const MIN_POINTING_BASE = 5;

export type Pointers = ReadonlyArray<readonly [form: string, weight: number]>;

/** A form's weight in this article. */
export function formWeight(idx: FactIndex, form: string): number {
  const n = idx.sentences.length;
  return (form.startsWith("@") ? CONCEPT_WEIGHT : 1) * Math.log(1 + n / (idx.df.get(form) ?? n));
}

/** The forms of `word` that point at a sentence (itself, a long enough base, its concept), each with its weight. */
export function pointingForms(idx: FactIndex, word: string): Pointers {
  return wordForms(word)
    .filter((f) => f === word || f.length >= MIN_POINTING_BASE || f.startsWith("@"))
    .map((f) => [f, formWeight(idx, f)] as const);
}

/** The weight of the best of `pointers` a sentence's forms hold; 0 when it holds none. */
export function weightIn(pointers: Pointers, forms: ReadonlySet<string>): number {
  let best = 0;
  for (const [f, w] of pointers) if (w > best && forms.has(f)) best = w;
  return best;
}
