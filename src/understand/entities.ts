import type { Article } from "../content/article.js";
import type { Lang } from "../core/lang.js";
import { editDistance, typoBudget } from "./fuzzy.js";
import { cleanText, rawTokens, tokenize, withoutEnclitic } from "./normalize.js";
import { sectionScore } from "./scores.js";
import { PLACES } from "./places.js";

/**
 * Finds who a message is about: actors the article covers (by their aliases in
 * either language, tolerating typos) and other countries or organisations
 * (which the article has no reaction from).
 */

export interface ActorMention {
  actorId: string;
  /** Token index where the mention starts. */
  at: number;
  /** The language of the name as written, when it has only one ("Prancis" id, "France" en). */
  lang?: Lang;
}

export interface PlaceMention {
  /** The name as the user wrote it, lowercased ("arab saudi"). */
  text: string;
  code: string;
  at: number;
  lang?: Lang;
}

interface AliasIndex {
  exact: Map<string, string>;
  /** Aliases that belong to one language only. */
  langOf: Map<string, Lang>;
  /** Single-word aliases long enough to match with a typo. */
  fuzzy: Array<{ alias: string; actorId: string }>;
  /** By first word, the most words an alias starting with it has: most words start none, and are looked up alone. */
  longest: Map<string, number>;
}

const indexes = new WeakMap<Article, AliasIndex>();

function aliasIndex(article: Article): AliasIndex {
  let index = indexes.get(article);
  if (index) return index;
  const exact = new Map<string, string>();
  const langs = new Map<string, Set<Lang>>();
  const fuzzy: AliasIndex["fuzzy"] = [];
  const longest = new Map<string, number>();
  const add = (key: string, actorId: string) => {
    exact.set(key, actorId);
    const words = key.split(" ");
    longest.set(words[0]!, Math.max(words.length, longest.get(words[0]!) ?? 1));
  };
  for (const actor of article.actors) {
    const names: Array<[string, Lang | undefined]> = [
      [actor.id, undefined],
      ...[actor.name.id, ...actor.aliases.id].map((n) => [n, "id"] as [string, Lang]),
      ...[actor.name.en, ...actor.aliases.en].map((n) => [n, "en"] as [string, Lang]),
    ];
    for (const [name, lang] of names) {
      const key = cleanText(name);
      if (!key) continue;
      add(key, actor.id);
      // "Bangsa2" is read as "bangsa" (reduplication), so "Perserikatan Bangsa2" must meet "Perserikatan Bangsa-Bangsa".
      const collapsed = key.replace(/\b(\w+)( \1\b)+/g, "$1");
      if (collapsed !== key) add(collapsed, actor.id);
      if (lang) langs.set(key, (langs.get(key) ?? new Set()).add(lang));
      if (!key.includes(" ") && key.length >= 5) fuzzy.push({ alias: key, actorId: actor.id });
    }
  }
  const langOf = new Map<string, Lang>();
  for (const [key, set] of langs) if (set.size === 1) langOf.set(key, [...set][0]!);
  index = { exact, langOf, fuzzy, longest };
  indexes.set(article, index);
  return index;
}

/**
 * Resolves a name typed as a command option ("prancis", "France", "Rusai") to
 * an actor id, or undefined when the article has no such actor.
 */
export function resolveActorName(article: Article, text: string): string | undefined {
  const key = cleanText(text);
  if (!key) return undefined;
  const index = aliasIndex(article);
  const direct = index.exact.get(key);
  if (direct) return direct;
  return findActors(article, key.split(" "), new Set())[0]?.actorId;
}

/**
 * Resolves a background section typed as a command option with the words
 * free text accepts: its id or title, an actor it is about ("rusia" -> the
 * section on Russia's role), or its keywords ("peacekeepers").
 */
export function resolveSectionName(article: Article, text: string): string | undefined {
  const key = cleanText(text);
  if (!key) return undefined;
  const byName = article.background.find((s) => [s.id, s.title.id, s.title.en].some((n) => cleanText(n) === key));
  if (byName) return byName.id;
  const actorId = resolveActorName(article, text);
  const ofActor = actorId ? article.background.find((s) => s.actors.includes(actorId)) : undefined;
  if (ofActor) return ofActor.id;
  const tokens = tokenize(text);
  const joined = ` ${tokens.join(" ")} `;
  const best = article.background
    .map((s) => ({ id: s.id, score: sectionScore(s, tokens, joined) }))
    .sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 3 ? best.id : undefined;
}

/**
 * Actor mentions in token order. `vocabulary` holds words the bot knows as
 * ordinary words, which are never read as a misspelt name.
 */
export function findActors(article: Article, tokens: readonly string[], vocabulary: ReadonlySet<string>): ActorMention[] {
  const index = aliasIndex(article);
  const found: ActorMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let n = Math.min(index.longest.get(tokens[i]!) ?? 1, tokens.length - i); n >= 1 && !matched; n--) {
      let key = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(" ");
      // "Kremlinnya", "Rusianya": a name with an Indonesian enclitic.
      if (n === 1 && !index.exact.has(key)) key = withoutEnclitic(key);
      const actorId = index.exact.get(key);
      if (actorId) {
        const lang = index.langOf.get(key);
        found.push({ actorId, at: i, ...(lang ? { lang } : {}) });
        matched = n;
      }
    }
    if (!matched) {
      const tok = tokens[i]!;
      if (tok.length >= 4 && !vocabulary.has(tok)) {
        let best: { actorId: string; d: number } | undefined;
        for (const { alias, actorId } of index.fuzzy) {
          // Typos rarely hit the first letter; requiring it keeps "garis" from reading as "Paris".
          if (alias[0] !== tok[0]) continue;
          const budget = typoBudget(Math.min(alias.length, tok.length + 1));
          const d = editDistance(tok, alias, budget);
          if (d <= budget && (!best || d < best.d)) best = { actorId, d };
        }
        if (best) {
          found.push({ actorId: best.actorId, at: i });
          matched = 1;
        }
      }
    }
    i += matched || 1;
  }
  return found;
}

/** The first word of every place name. */
/** By the first word of every place name, the most words a name starting with it has ("united" 3: "united arab emirates"). */
const PLACE_LONGEST = new Map<string, number>();
for (const name of PLACES.keys()) {
  const words = name.split(" ");
  PLACE_LONGEST.set(words[0]!, Math.max(words.length, PLACE_LONGEST.get(words[0]!) ?? 0));
}

/** Countries and organisations named in the message (exact names; acronyms only in capitals). */
export function findPlaces(tokens: readonly string[], original: string): PlaceMention[] {
  // The message's words as typed (dots dropped), to check acronyms and capitalised names: only
  // built for a message that names such a place.
  let typed: ReadonlySet<string> | undefined;
  const upper = () => (typed ??= new Set(rawTokens(original).map((w) => w.replace(/\./g, ""))));
  const found: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    // Most words start no place name: skip them without building any candidate.
    const longest = Math.min(PLACE_LONGEST.get(tokens[i]!) ?? 0, tokens.length - i);
    for (let n = longest; n >= 1 && !matched; n--) {
      const text = tokens.slice(i, i + n).join(" ");
      const place = PLACES.get(text);
      if (!place) continue;
      // An acronym typed in lower case is a name after "the" ("the us state department", "the eu's response"): "us" the
      // pronoun never follows it.
      if (place.caseSensitive && tokens[i - 1] !== "the" && !upper().has(text.toUpperCase())) continue;
      if (place.capitalized && !upper().has(text.charAt(0).toUpperCase() + text.slice(1))) continue;
      // "bahasa Inggris" is the English language, not Britain.
      if (i > 0 && tokens[i - 1] === "bahasa") continue;
      found.push({ text, code: place.code, at: i, ...(place.lang ? { lang: place.lang } : {}) });
      matched = n;
    }
    i += matched || 1;
  }
  return found;
}

/** Single-word place names by first letter, for typo matching. */
let placesByLetter: Map<string, string[]> | undefined;

/**
 * A misspelt country ("jepangg", "Germny"): the first unknown word within the
 * typo budget of a one-word place name, first letter right. Only for messages
 * that name no one else; the place is reported as the user wrote it.
 */
export function findMisspeltPlace(tokens: readonly string[], known: (word: string) => boolean): PlaceMention | undefined {
  if (!placesByLetter) {
    placesByLetter = new Map();
    for (const [name, place] of PLACES) {
      if (name.includes(" ") || name.length < 5 || place.caseSensitive || place.capitalized) continue;
      placesByLetter.set(name[0]!, [...(placesByLetter.get(name[0]!) ?? []), name]);
    }
  }
  for (const [i, tok] of tokens.entries()) {
    if (tok.length < 5 || known(tok)) continue;
    for (const name of placesByLetter.get(tok[0]!) ?? []) {
      const budget = typoBudget(Math.min(name.length, tok.length));
      if (editDistance(tok, name, budget) <= budget) {
        const place = PLACES.get(name)!;
        return { text: tok, code: place.code, at: i, ...(place.lang ? { lang: place.lang } : {}) };
      }
    }
  }
  return undefined;
}
