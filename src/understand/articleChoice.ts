import type { Article } from "../content/article.js";
import type { Lang } from "../core/lang.js";
import { type Understood, understand } from "./intent.js";
import type { ContentLibrary } from "../content/loader.js";
import { editDistance, typoBudget } from "./fuzzy.js";
import { cleanText, readingOnce, tokenize, withoutEnclitic } from "./normalize.js";
import { VOCABULARY } from "./scores.js";

/**
 * Which articles a question is about, from an index built once per library
 * (at load and on every reload), so the work per question depends on the
 * question's length, not on how many articles there are:
 * - names: every actor's names and aliases and every quoted speaker, in both
 *   languages ("prancis", "colonna", "korea selatan") -> the articles with them;
 * - distinctive words: words of an article's title, summary, reactions and
 *   sections that few articles share ("fukushima", "beras", "ilegal").
 * Each list keeps the newest few articles only: a name in hundreds of
 * articles points at the newest of them, and a word in many articles is not
 * distinctive at all.
 */
const MAX_ARTICLES_PER_KEY = 8;
/** A word found in more articles than this says nothing about which one is meant. */
const MAX_WORD_SPREAD = 8;
const MIN_WORD_LENGTH = 5;
const NAME_WEIGHT = 3;

interface ArticleIndex {
  /** Cleaned name -> article positions in the library (newest first). */
  names: Map<string, number[]>;
  /** Single-word names of five letters or more by first letter, for typos ("prancs"). */
  fuzzyNames: Map<string, string[]>;
  maxNameWords: number;
  words: Map<string, number[]>;
}

const indexes = new WeakMap<ContentLibrary, ArticleIndex>();

function add(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [at]);
  else if (list.at(-1) !== at) list.push(at);
}

function articleNames(article: Article): string[] {
  return article.actors.flatMap((a) => [
    a.name.id,
    a.name.en,
    ...a.aliases.id,
    ...a.aliases.en,
    ...a.quotes.map((q) => q.speaker),
  ]);
}

function articleText(article: Article): string {
  return [
    article.title.id,
    article.title.en,
    article.summary.short.id,
    article.summary.short.en,
    ...article.actors.flatMap((a) => [a.reaction.id, a.reaction.en]),
    ...article.background.flatMap((s) => [s.title.id, s.title.en, ...s.keywords.id, ...s.keywords.en]),
  ].join(" ");
}

function buildIndex(library: ContentLibrary): ArticleIndex {
  const names = new Map<string, number[]>();
  const words = new Map<string, number[]>();
  let maxNameWords = 1;
  library.articles.forEach((article, at) => {
    for (const name of articleNames(article)) {
      const key = cleanText(name);
      if (!key) continue;
      add(names, key, at);
      maxNameWords = Math.max(maxNameWords, key.split(" ").length);
    }
    for (const word of new Set(tokenize(articleText(article)))) {
      if (word.length < MIN_WORD_LENGTH || VOCABULARY.has(word) || /\d/.test(word) || names.has(word)) continue;
      add(words, word, at);
    }
  });
  for (const [word, list] of words) if (list.length > MAX_WORD_SPREAD || names.has(word)) words.delete(word);
  for (const list of names.values()) list.splice(MAX_ARTICLES_PER_KEY);
  const fuzzyNames = new Map<string, string[]>();
  for (const key of names.keys()) {
    if (key.includes(" ") || key.length < 5) continue;
    fuzzyNames.set(key[0]!, [...(fuzzyNames.get(key[0]!) ?? []), key]);
  }
  return { names, fuzzyNames, maxNameWords, words };
}

/** Builds the library's index now (at load or reload) rather than on the first question. */
export function indexArticles(library: ContentLibrary): void {
  if (!indexes.has(library)) indexes.set(library, buildIndex(library));
}

function indexOf(library: ContentLibrary): ArticleIndex {
  indexArticles(library);
  return indexes.get(library)!;
}

/** A name typed with a typo ("Prancs", "Tiongkk"): the closest indexed name, first letter right. */
function fuzzyName(index: ArticleIndex, token: string): string | undefined {
  if (token.length < 5 || VOCABULARY.has(token)) return undefined;
  let best: { key: string; d: number } | undefined;
  for (const key of index.fuzzyNames.get(token[0]!) ?? []) {
    const budget = typoBudget(Math.min(key.length, token.length + 1));
    const d = editDistance(token, key, budget);
    if (d <= budget && (!best || d < best.d)) best = { key, d };
  }
  return best?.key;
}

export interface ArticleCandidate {
  article: Article;
  score: number;
}

/**
 * The articles the question points at, best first (ties: the newest first);
 * empty when it names nothing that tells articles apart ("ringkasan dong").
 */
export function articlesFor(library: ContentLibrary, text: string): ArticleCandidate[] {
  if (library.articles.length === 1) return [];
  const index = indexOf(library);
  const tokens = tokenize(text).map((tok) => (index.names.has(tok) || index.words.has(tok) ? tok : withoutEnclitic(tok)));
  const scores = new Map<number, number>();
  const credit = (list: number[] | undefined, weight: number) => {
    for (const at of list ?? []) scores.set(at, (scores.get(at) ?? 0) + weight);
  };
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let n = Math.min(index.maxNameWords, tokens.length - i); n >= 1 && !matched; n--) {
      const list = index.names.get(tokens.slice(i, i + n).join(" "));
      if (list) {
        credit(list, NAME_WEIGHT);
        matched = n;
      }
    }
    if (!matched) credit(index.words.get(tokens[i]!), 1);
    i += matched || 1;
  }
  // Nothing known: perhaps a name typed with a typo.
  if (scores.size === 0) {
    for (const tok of tokens) {
      const near = fuzzyName(index, tok);
      if (near) credit(index.names.get(near), NAME_WEIGHT);
    }
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([at, score]) => ({ article: library.articles[at]!, score }));
}

/** At most this many articles are read closely for one question. */
const MAX_TRIED = 3;

export interface LibraryUnderstanding {
  understood: Understood;
  article: Article;
  /** Other articles that answer the question as well as `article` (a name several of them cover). */
  alsoIn: Article[];
}

const answers = (u: Understood) => u.intent !== "not_found" && u.intent !== "unknown";

/**
 * Free text over the whole library: the articles the question points at are
 * tried best first (a few at most), and the first that has an answer gives
 * it; a question that points at none is the newest article's. When the next
 * candidate scores as well and answers too, it is reported in `alsoIn`, so
 * the reply can say which article it answered from.
 */
export function understandInLibrary(library: ContentLibrary, text: string, fallbackLang: Lang): LibraryUnderstanding {
  // The article choice and each article's understanding read the same text once.
  return readingOnce(() => understandAmong(library, text, fallbackLang));
}

function understandAmong(library: ContentLibrary, text: string, fallbackLang: Lang): LibraryUnderstanding {
  const newest = library.newest();
  const candidates = articlesFor(library, text).slice(0, MAX_TRIED);
  for (const [i, { article, score }] of candidates.entries()) {
    const understood = understand(text, article, fallbackLang);
    if (!answers(understood)) continue;
    const next = candidates[i + 1];
    const alsoIn = next && next.score === score && answers(understand(text, next.article, fallbackLang)) ? [next.article] : [];
    return { understood, article, alsoIn };
  }
  return { understood: understand(text, newest, fallbackLang), article: newest, alsoIn: [] };
}
