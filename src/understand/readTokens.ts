import type { Article } from "../content/article.js";
import { indonesianForms, informalBase } from "./affixes.js";
import { isDictionaryWord, isIndonesianWord } from "./dictionary.js";
import { STOP_WORD_SET } from "./language.js";
import { tokenize } from "./normalize.js";
import { PLACES } from "./places.js";
import { cueIgnore, LEX, startsWithStem } from "./scores.js";
import { SpellingFixer } from "./spelling.js";

/**
 * Reading a message's words against one article: informal and affixed forms to their base
 * ("ngecam" -> "kecam", "bersikap" -> "sikap") and typos of cue words mended, with the
 * article's own words, names and everyday words of either language kept as typed.
 */

/**
 * Per article: mends typos in cue words. Known words (function words, cue
 * words, names, places, every word of the article, everyday words of either
 * language) are never changed.
 */
interface Mender {
  fixer: SpellingFixer;
  /** A base an informal verb form may be read as: a cue word, a word of the article, an everyday word. */
  isBase: (word: string) => boolean;
  /** What an informal form may be read as: a base, or a word the mender knows (made once, asked per word). */
  known: (word: string) => boolean;
  /** Each word as read (readWord), remembered. */
  read: Map<string, { word: string; informal: boolean }>;
  /** Every cue word. */
  targetSet: ReadonlySet<string>;
}

/** A formally affixed word whose base is a cue word and which is none itself: "bersikap" -> "sikap". */
function formalBase(word: string, cues: ReadonlySet<string>): string | undefined {
  // Function words keep their meaning: "tersebut" (that) is no "sebut" (to call).
  if (word.length < 6 || cues.has(word) || STOP_WORD_SET.has(word) || !/^(ber|be|ter|di|me|pe|ke)/.test(word)) return undefined;
  return indonesianForms(word).find((f) => f !== word && f.length >= 4 && cues.has(f));
}

/** A key held down a moment too long at the end ("helpp", "quotee"): the word without it, when that is a cue word. */
function withoutDoubledEnd(word: string, cues: ReadonlySet<string>): string | undefined {
  if (!/(.)\1$/.test(word) || cues.has(word)) return undefined;
  const shorter = word.slice(0, -1);
  return cues.has(shorter) ? shorter : undefined;
}
const menders = new WeakMap<Article, Mender>();
/** The article's words a typo may be mended to are this long at least: shorter ones are too close to other words. */
const MIN_ARTICLE_TARGET = 6;
/** How much of original.txt lends its words to the known words (the seed's is 2 KB). */
const MAX_ORIGINAL_WORDS_CHARS = 200_000;
/** Every word of every place name ("white" of "White House"): names are never mended. */
export const PLACE_WORDS: ReadonlySet<string> = new Set([...PLACES.keys()].flatMap((name) => name.split(" ")));
function mender(article: Article): Mender {
  let m = menders.get(article);
  if (!m) {
    const ignore = cueIgnore(article);
    const articleWords = new Set(
      tokenize(
        [
          // Bounded: the words of a huge original.txt must not make one article's first question slow.
          article.original.length > MAX_ORIGINAL_WORDS_CHARS ? article.original.slice(0, MAX_ORIGINAL_WORDS_CHARS) : article.original,
          ...article.actors.flatMap((a) => [a.reaction.id, a.reaction.en, ...a.quotes.map((q) => q.translation)]),
          ...article.background.flatMap((sec) => [...sec.text.id, ...sec.text.en]),
        ].join(" "),
      ),
    );
    const keywords = article.background.flatMap((sec) => [...sec.keywords.id, ...sec.keywords.en]).flatMap((k) => tokenize(k));
    const targets = [
      ...Object.values(LEX).flatMap((l) => [
        ...l.exact.keys(),
        ...l.stems.map(([st]) => st),
        ...[...l.phrases.values()].flat().flatMap(([ph]) => ph.trim().split(" ")),
      ]),
      ...keywords,
    ];
    const targetSet = new Set(targets);
    const fixer = new SpellingFixer(
      (w) => ignore(w) || PLACE_WORDS.has(w) || articleWords.has(w) || isDictionaryWord(w),
      targets,
      // A slip in one of the article's own words ("hostilites") is mended too, so the sentence holding the word is found.
      // Names are not: a misspelt name is matched as a name (entities.ts), in whichever language its reader wrote it.
      [...articleWords].filter((w) => w.length >= MIN_ARTICLE_TARGET && !/\d/.test(w) && !ignore(w) && !PLACE_WORDS.has(w)),
    );
    const isBase = (w: string) =>
      targetSet.has(w) || startsWithStem(w) || articleWords.has(w) || isIndonesianWord(w);
    m = { fixer, isBase, known: (w) => isBase(w) || fixer.known(w), read: new Map(), targetSet };
    menders.set(article, m);
  }
  return m;
}

export function spellingFixer(article: Article): SpellingFixer {
  return mender(article).fixer;
}

/**
 * A message's tokens as the scorer reads them: informal verb forms as their
 * base (ngecam -> kecam), typos of cue words mended. `informal` counts the
 * chat forms read, a sign the message is Indonesian.
 */
export function readTokens(article: Article, tokens: readonly string[]): { tokens: string[]; informal: number } {
  const m = mender(article);
  let informal = 0;
  const out = tokens.map((tok) => {
    const read = readWord(m, tok);
    if (read.informal) informal++;
    return read.word;
  });
  return { tokens: out, informal };
}

/**
 * One word as read against the article: a pure function of (article, word), remembered per article
 * as chat words recur far more than questions do (the affix rules and the typo search are the costly
 * part). Bounded: the memory starts over past READ_MEMO_SIZE words.
 */
const READ_MEMO_SIZE = 20_000;
function readWord(m: Mender, tok: string): { word: string; informal: boolean } {
  let read = m.read.get(tok);
  if (!read) {
    const base = informalBase(tok, m.known);
    read = { word: m.fixer.fix(base ?? formalBase(tok, m.targetSet) ?? withoutDoubledEnd(tok, m.targetSet) ?? tok), informal: base !== undefined };
    if (m.read.size >= READ_MEMO_SIZE) m.read.clear();
    m.read.set(tok, read);
  }
  return read;
}
