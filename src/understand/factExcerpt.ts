import { formsOf, hasCount, hasPlacePhrase, MONTHS_AND_DAYS, peopleIn, wordForms } from "./factIndex.js";
import type { FactCue } from "./facts.js";

/**
 * A long sentence answering a fact question, cut so the fact comes first: a
 * reader sees the opening of a reply (a chat preview, a notification), and a
 * 250-character sentence whose fact stands in its last clause ("..., said
 * Guterres's spokesperson, Stephane Dujarric.") hides it there. The excerpt
 * is the sentence's own text, verbatim from the clause holding the question's
 * words (or the kind of fact asked: a person, a number, a date, a place) to
 * its end, marked with an ellipsis where it starts.
 */

/** Sentences up to this length are shown whole: with the reply's title and intro they fit a preview. */
export const WHOLE_SENTENCE_CHARS = 200;

/**
 * What a call's `focus` argument carries: the kind of fact asked and the question's words,
 * "person: spokesperson guterres". Built by understand, read when the reply is rendered.
 */
export function encodeFocus(cue: FactCue, words: readonly string[]): string {
  return `${cue}: ${words.join(" ")}`;
}

function decodeFocus(focus: string): { cue: string; words: string[] } {
  const [cue = "", words = ""] = focus.split(":", 2);
  return { cue: cue.trim(), words: words.trim().split(/\s+/).filter(Boolean) };
}

interface Clause {
  start: number;
  text: string;
}

/** Where clauses start: after a comma, semicolon or colon, after a closing quote, at an opening quote. */
function clausesOf(sentence: string): Clause[] {
  const starts = [0];
  for (const m of sentence.matchAll(/[,;:]\s+|”\s*|\s+(?=“)/g)) {
    const at = m.index + m[0].length;
    if (at > starts[starts.length - 1]! && at < sentence.length) starts.push(at);
  }
  return starts.map((start, i) => ({ start, text: sentence.slice(start, starts[i + 1] ?? sentence.length) }));
}

/** Whether a clause shows the kind of fact asked: someone the question does not name, a number, a date, a place. */
function showsCue(clause: string, cue: string, words: readonly string[]): boolean {
  if (cue === "person") return peopleIn(clause).some((name) => !name.every((w) => words.includes(w)));
  if (cue === "count" || cue === "size") return hasCount(clause);
  if (cue === "time") return MONTHS_AND_DAYS.test(clause);
  if (cue === "place") return hasPlacePhrase(clause);
  return false;
}

/** The sentence, or its part from the clause the fact is in, for a call's `focus`. */
export function factExcerpt(sentence: string, focus: string | undefined): string {
  if (!focus || sentence.length <= WHOLE_SENTENCE_CHARS) return sentence;
  const { cue, words } = decodeFocus(focus);
  const wanted = words.map((w) => new Set(wordForms(w)));
  const clauses = clausesOf(sentence);
  const hits = clauses.map((c) => {
    const forms = formsOf(c.text);
    return wanted.filter((set) => [...set].some((f) => forms.has(f))).length;
  });
  // The kind of fact asked decides first (the clause naming a person answers "who"), then the question's words.
  const rank = (i: number) => (showsCue(clauses[i]!.text, cue, words) ? 100 : 0) + hits[i]! + (hits[i - 1] ?? 0) / 2;
  let best = 0;
  for (let i = 1; i < clauses.length; i++) if (rank(i) > rank(best)) best = i;
  if (rank(best) === 0) return sentence;
  // The clause giving the fact reads with the question's words before it, as far back as still fits
  // ("deeskalasi, ... kata juru bicara Guterres, Stephane Dujarric"), or at least with the clause leading to it.
  const fits = (i: number) => sentence.length - clauses[i]!.start <= WHOLE_SENTENCE_CHARS;
  let start = best > 0 && hits[best]! === 0 ? best - 1 : best;
  for (let i = start - 1; i >= 1 && fits(i); i--) if (hits[i]! > 0) start = i;
  if (start === 0) return sentence;
  return `… ${sentence.slice(clauses[start]!.start).replace(/^[\s,;:]+/, "")}`;
}
