import type { Article, BackgroundSection } from "../content/article.js";
import { COMMON_WORDS, STOP_WORD_SET } from "./language.js";
import {
  ACTORS,
  ANY_ONE,
  BACKGROUND,
  EVERYONE,
  EXACTLY,
  HELP,
  type Lexicon,
  OFF_TOPIC,
  QUOTE,
  REACTION,
  SHORT,
  SOURCE,
  STANCE,
  SUMMARY,
  THANKS,
  TOPIC,
} from "./lexicon.js";
import { cleanText, tokenize, withoutEnclitic } from "./normalize.js";
import { englishBases } from "./dictionary.js";

/**
 * Scoring a message against the lexicons (src/understand/lexicon.ts) and the
 * article's own words. Compiled once; per-article tables are cached on the
 * article object, so a reloaded article gets fresh ones.
 */

export interface CompiledLexicon {
  exact: Map<string, number>;
  stems: Array<[string, number]>;
  /** Phrases by their first word, so a message is only checked for phrases that can start in it. */
  phrases: Map<string, Array<[string, number]>>;
  /** The lexicons this one is scored together with, and its place among them. */
  group: LexiconGroup;
  at: number;
}

/**
 * Lexicons scored in one pass over a message: LEX's dozen, asked of every message, share one group;
 * any other compiled lexicon (a section's, the outlet's) is a group of its own. A message's words are
 * looked up once for the whole group, and each word's weights in it are remembered: chat words recur
 * far more than questions do, and the stem loop was the costliest part of scoring.
 */
interface LexiconGroup {
  lexicons: readonly CompiledLexicon[];
  /** The phrases of all of them by first word, with the place of the lexicon each belongs to. */
  phrases: Map<string, Array<readonly [number, string, number]>>;
  /** A word's best weight in each lexicon from single words and stems. Bounded: starts over past WORD_MEMO_SIZE words. */
  weights: Map<string, number[]>;
}
const WORD_MEMO_SIZE = 20_000;

function scoredTogether(lexicons: readonly CompiledLexicon[]): void {
  const group: LexiconGroup = { lexicons, phrases: new Map(), weights: new Map() };
  lexicons.forEach((lex, at) => {
    lex.group = group;
    lex.at = at;
    for (const [first, phrases] of lex.phrases) {
      for (const [phrase, weight] of phrases) group.phrases.set(first, [...(group.phrases.get(first) ?? []), [at, phrase, weight]]);
    }
  });
}

export function compile(lexicon: Lexicon): CompiledLexicon {
  const out = { exact: new Map(), stems: [], phrases: new Map() } as unknown as CompiledLexicon;
  const addPhrase = (phrase: string, weight: number) => {
    const first = phrase.trim().split(" ")[0]!;
    out.phrases.set(first, [...(out.phrases.get(first) ?? []), [phrase, weight]]);
  };
  for (const [raw, weight] of lexicon) {
    const entry = raw.endsWith("*") ? raw.slice(0, -1) : raw;
    const key = cleanText(entry);
    // "story cover*": a phrase whose last word may go on ("story covers"): no closing space.
    if (raw.endsWith("*") && key.includes(" ")) addPhrase(` ${key}`, weight);
    else if (raw.endsWith("*")) out.stems.push([key, weight]);
    else if (key.includes(" ")) addPhrase(` ${key} `, weight);
    else out.exact.set(key, Math.max(weight, out.exact.get(key) ?? 0));
  }
  scoredTogether([out]);
  return out;
}

/** A message's words in the forms scoring needs, computed once per message. */
interface Prepared {
  joined: string;
  /** `joined` with enclitics dropped: "cara pakainya" reads as "cara pakai". */
  bareJoined: string;
  /** Each token without its enclitic, by position. */
  bare: string[];
  /** The words and their enclitic-free forms. */
  words: ReadonlySet<string>;
  /** The message's scores in each group of lexicons asked so far, by place (see groupScores). */
  scores: Map<LexiconGroup, number[]>;
}
/**
 * The last few token arrays prepared, by identity: a message's scores are asked back to back, with a
 * filtered copy (the reaction score) or a section's score in between. Not a WeakMap keyed by the
 * arrays: every message would add a key, and a WeakMap growing by one entry per message cost more
 * than the preparing itself (~1.7 us an insert).
 */
const RECENT = 4;
const recentTokens: Array<readonly string[] | undefined> = new Array(RECENT).fill(undefined);
const recentPrepared: Prepared[] = new Array(RECENT);
let nextSlot = 0;
function prepare(tokens: readonly string[], joined: string): Prepared {
  for (let i = 0; i < RECENT; i++) if (recentTokens[i] === tokens && recentPrepared[i]!.joined === joined) return recentPrepared[i]!;
  const bare = tokens.map(withoutEnclitic);
  const prepared: Prepared = { joined, bareJoined: ` ${bare.join(" ")} `, bare, words: new Set([...tokens, ...bare]), scores: new Map() };
  recentTokens[nextSlot] = tokens;
  recentPrepared[nextSlot] = prepared;
  nextSlot = (nextSlot + 1) % RECENT;
  return prepared;
}

/** A word's best weight in each lexicon of the group, from single words and stems (remembered). */
// Plain arrays, not Float64Array: a typed array's allocation costs far more than its few numbers are worth.
function wordWeights(group: LexiconGroup, tok: string): number[] {
  let weights = group.weights.get(tok);
  if (!weights) {
    weights = group.lexicons.map((lex) => {
      let best = lex.exact.get(tok) ?? 0;
      for (const [stem, weight] of lex.stems) if (weight > best && tok.includes(stem)) best = weight;
      return best;
    });
    if (group.weights.size >= WORD_MEMO_SIZE) group.weights.clear();
    group.weights.set(tok, weights);
  }
  return weights;
}

/** A token's weight in one lexicon; the word without its enclitic ("sikapnya" -> "sikap") counts as an exact entry too. */
function tokenWeight(lex: CompiledLexicon, tok: string, bare: string): number {
  const weight = wordWeights(lex.group, tok)[lex.at]!;
  if (bare === tok) return weight;
  return Math.max(weight, lex.exact.get(bare) ?? 0);
}

/** The message's score in every lexicon of a group, in one pass over it (kept on the prepared message). */
function groupScores(prepared: Prepared, tokens: readonly string[], group: LexiconGroup): number[] {
  let totals = prepared.scores.get(group);
  if (totals) return totals;
  const { joined, bareJoined, bare, words } = prepared;
  totals = group.lexicons.map(() => 0);
  for (let i = 0; i < tokens.length; i++) {
    for (let k = 0; k < totals.length; k++) totals[k]! += tokenWeight(group.lexicons[k]!, tokens[i]!, bare[i]!);
  }
  for (const word of words) {
    for (const [k, phrase, weight] of group.phrases.get(word) ?? []) {
      if (joined.includes(phrase) || bareJoined.includes(phrase)) totals[k]! += weight;
    }
  }
  prepared.scores.set(group, totals);
  return totals;
}

/** Sum of the weights of the entries a message contains; each token counts once, at its best. */
export function score(lex: CompiledLexicon, tokens: readonly string[], joined: string): number {
  return groupScores(prepare(tokens, joined), tokens, lex.group)[lex.at]!;
}

/** A lone word's score (no phrase can match one word): no message to prepare for it. */
export function wordScore(lex: CompiledLexicon, word: string): number {
  return tokenWeight(lex, word, withoutEnclitic(word));
}

export const LEX = {
  summary: compile(SUMMARY),
  quote: compile(QUOTE),
  source: compile(SOURCE),
  actors: compile(ACTORS),
  help: compile(HELP),
  reaction: compile(REACTION),
  background: compile(BACKGROUND),
  topic: compile(TOPIC),
  offTopic: compile(OFF_TOPIC),
  short: compile(SHORT),
  thanks: compile(THANKS),
  exactly: compile(EXACTLY),
  stance: compile(STANCE),
  anyOne: compile(ANY_ONE),
  everyone: compile(EVERYONE),
};
// LEX's lexicons are asked of every message: scored together (one pass over the message's words).
scoredTogether(Object.values(LEX));

/** Words the bot knows as ordinary words: never read as a misspelt actor name. */
export const VOCABULARY: ReadonlySet<string> = new Set([
  ...COMMON_WORDS,
  ...Object.values(LEX).flatMap((l) => [
    ...l.exact.keys(),
    ...l.stems.map(([s]) => s),
    ...[...l.phrases.values()].flat().flatMap(([p]) => p.trim().split(" ")),
  ]),
]);

const sectionLexicons = new WeakMap<BackgroundSection, { lex: CompiledLexicon; bases: ReadonlySet<string> }>();
/** English bases long enough to say one word ("distract"), not a fragment ("bor" of "boring"). */
const longBases = (word: string) => englishBases(word).filter((b) => b.length >= 5);
export function sectionScore(section: BackgroundSection, tokens: readonly string[], joined: string): number {
  let compiled = sectionLexicons.get(section);
  if (!compiled) {
    const keywords = [...section.keywords.id, ...section.keywords.en];
    compiled = {
      lex: compile(keywords.map((k) => [k, 3] as [string, number])),
      bases: new Set(keywords.filter((k) => !k.includes(" ")).flatMap((k) => longBases(cleanText(k)))),
    };
    sectionLexicons.set(section, compiled);
  }
  const { lex, bases } = compiled;
  let total = score(lex, tokens, joined);
  // An editor lists one form of a word ("distracted"); a reader types another ("distracting", "distracts").
  for (const tok of tokens) {
    if (!lex.exact.has(tok) && !STOP_WORD_SET.has(tok) && longBases(tok).some((b) => bases.has(b))) total += 3;
  }
  return total;
}

/** The article's own outlet and author ("is this from Tribunnews?") point at the source. */
const sourceLexicons = new WeakMap<Article, CompiledLexicon>();
export function articleSourceScore(article: Article, tokens: readonly string[], joined: string): number {
  let lex = sourceLexicons.get(article);
  if (!lex) {
    const outlet = article.outlet.replace(/\.(com|co\.id|id|net|org)$/i, "");
    // "Tribun" for "Tribunnews": the outlet's name cut short is still the outlet.
    const short = cleanText(outlet).split(" ")[0]!.slice(0, 6);
    lex = compile([article.outlet, outlet, article.author, ...(short.length >= 5 ? [`${short}*`] : [])].map((k) => [k, 3] as [string, number]));
    sourceLexicons.set(article, lex);
  }
  return score(lex, tokens, joined);
}

const sectionWordSets = new WeakMap<Article, ReadonlySet<string>>();
export function sectionWords(article: Article): ReadonlySet<string> {
  let words = sectionWordSets.get(article);
  if (!words) {
    words = new Set(article.background.flatMap((sec) => [...sec.keywords.id, ...sec.keywords.en].flatMap((k) => tokenize(k))));
    sectionWordSets.set(article, words);
  }
  return words;
}

/** Words that say nothing about which part of the article is meant: function words, cue words, names. */
const cueIgnores = new WeakMap<Article, (word: string) => boolean>();
export const STEMS = Object.values(LEX).flatMap((l) => l.stems.map(([stem]) => stem));
/** The stems by their first three letters (every stem has four or more): a word is checked against those it can start with. */
const STEMS_BY_START = new Map<string, string[]>();
for (const stem of STEMS) STEMS_BY_START.set(stem.slice(0, 3), [...(STEMS_BY_START.get(stem.slice(0, 3)) ?? []), stem]);
/** Whether a word starts with a cue stem ("reaksinya", "komentari"). */
export function startsWithStem(word: string): boolean {
  return STEMS_BY_START.get(word.slice(0, 3))?.some((stem) => word.startsWith(stem)) ?? false;
}
export function cueIgnore(article: Article): (word: string) => boolean {
  let ignore = cueIgnores.get(article);
  if (!ignore) {
    // Names say who, not which part; editors' section keywords already point at their section.
    const names = article.actors.flatMap((a) => [a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en]);
    const keywords = article.background.flatMap((sec) => [...sec.keywords.id, ...sec.keywords.en]);
    const words = new Set([...VOCABULARY, ...[...names, ...keywords].flatMap((n) => tokenize(n))]);
    ignore = (word) => words.has(word) || STEMS.some((stem) => word.includes(stem));
    cueIgnores.set(article, ignore);
  }
  return ignore;
}


/** Every word of a section's text, both languages. */
const sectionTokenSets = new WeakMap<BackgroundSection, ReadonlySet<string>>();
export function sectionTokens(section: BackgroundSection): ReadonlySet<string> {
  let words = sectionTokenSets.get(section);
  if (!words) {
    words = new Set(tokenize([...section.text.id, ...section.text.en].join(" ")));
    sectionTokenSets.set(section, words);
  }
  return words;
}
