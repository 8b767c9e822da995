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
  /** Each word's best weight from `exact` and `stems`, remembered (see wordWeight). */
  memo: Map<string, number>;
}

export function compile(lexicon: Lexicon): CompiledLexicon {
  const out: CompiledLexicon = { exact: new Map(), stems: [], phrases: new Map(), memo: new Map() };
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
  /** The message's score against each lexicon of LEX, by position, once one is asked (see lexTotals). */
  totals?: number[];
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
  for (let i = 0; i < RECENT; i++) if (recentTokens[i] === tokens) return recentPrepared[i]!;
  const bare = tokens.map(withoutEnclitic);
  const prepared: Prepared = { joined, bareJoined: ` ${bare.join(" ")} `, bare, words: new Set([...tokens, ...bare]) };
  recentTokens[nextSlot] = tokens;
  recentPrepared[nextSlot] = prepared;
  nextSlot = (nextSlot + 1) % RECENT;
  return prepared;
}

/**
 * A token's best weight from a lexicon's single words and stems: a pure
 * function of (lexicon, token), remembered per lexicon because chat words
 * recur far more than questions do (the stem loop was the costliest part of
 * scoring). Bounded: the memo starts over past `WORD_MEMO_SIZE` words.
 */
const WORD_MEMO_SIZE = 20_000;
function wordWeight(lex: CompiledLexicon, tok: string, bare: string): number {
  const memo = lex.memo;
  let best = memo.get(tok);
  if (best === undefined) {
    best = lex.exact.get(tok) ?? 0;
    for (const [stem, weight] of lex.stems) if (weight > best && tok.includes(stem)) best = weight;
    if (memo.size >= WORD_MEMO_SIZE) memo.clear();
    memo.set(tok, best);
  }
  // The word without its enclitic ("sikapnya" -> "sikap") counts as an exact entry too.
  if (bare === tok) return best;
  const bareWeight = lex.exact.get(bare) ?? 0;
  return bareWeight > best ? bareWeight : best;
}

/** Sum of the weights of the entries a message contains; each token counts once, at its best. */
export function score(lex: CompiledLexicon, tokens: readonly string[], joined: string): number {
  const prepared = prepare(tokens, joined);
  // One of LEX's lexicons (the intent asks a dozen of them of every message): read from all of them at once.
  const at = LEX_INDEX.get(lex);
  if (at !== undefined && prepared.joined === joined) return lexTotals(prepared, tokens)[at]!;
  const { bareJoined, bare, words } = prepared;
  let total = 0;
  for (let i = 0; i < tokens.length; i++) total += wordWeight(lex, tokens[i]!, bare[i]!);
  for (const word of words) {
    const phrases = lex.phrases.get(word);
    if (!phrases) continue;
    for (const [phrase, weight] of phrases) {
      if (joined.includes(phrase) || bareJoined.includes(phrase)) total += weight;
    }
  }
  return total;
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

/**
 * LEX's lexicons by position, and their phrases by first word across all of them: a message's words are
 * looked up once for every lexicon instead of once per lexicon.
 */
const LEX_LIST: readonly CompiledLexicon[] = Object.values(LEX);
const LEX_INDEX: ReadonlyMap<CompiledLexicon, number> = new Map(LEX_LIST.map((lex, i) => [lex, i]));
const LEX_PHRASES = new Map<string, Array<readonly [number, string, number]>>();
LEX_LIST.forEach((lex, i) => {
  for (const [first, phrases] of lex.phrases) for (const [phrase, weight] of phrases) LEX_PHRASES.set(first, [...(LEX_PHRASES.get(first) ?? []), [i, phrase, weight]]);
});

/** A word's best weight in each of LEX's lexicons (single words and stems), remembered as in wordWeight. */
// Plain arrays, not Float64Array: a typed array's allocation costs far more than its few numbers are worth.
const wordWeightsMemo = new Map<string, number[]>();
function lexWordWeights(tok: string): number[] {
  let weights = wordWeightsMemo.get(tok);
  if (!weights) {
    weights = LEX_LIST.map((lex) => wordWeight(lex, tok, tok));
    if (wordWeightsMemo.size >= WORD_MEMO_SIZE) wordWeightsMemo.clear();
    wordWeightsMemo.set(tok, weights);
  }
  return weights;
}

/** `score` against every lexicon of LEX, in one pass over the message (kept on the prepared message). */
function lexTotals(prepared: Prepared, tokens: readonly string[]): number[] {
  if (prepared.totals) return prepared.totals;
  const { joined, bareJoined, bare, words } = prepared;
  const totals = new Array<number>(LEX_LIST.length).fill(0);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const weights = lexWordWeights(tok);
    for (let k = 0; k < totals.length; k++) {
      // The word without its enclitic ("sikapnya" -> "sikap") counts as an exact entry too.
      const bareWeight = bare[i] === tok ? 0 : (LEX_LIST[k]!.exact.get(bare[i]!) ?? 0);
      totals[k]! += Math.max(weights[k]!, bareWeight);
    }
  }
  for (const word of words) {
    const phrases = LEX_PHRASES.get(word);
    if (phrases === undefined) continue;
    for (let p = 0; p < phrases.length; p++) {
      const [k, phrase, weight] = phrases[p]!;
      if (joined.includes(phrase) || bareJoined.includes(phrase)) totals[k]! += weight;
    }
  }
  prepared.totals = totals;
  return totals;
}

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
