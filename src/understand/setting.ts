import type { Article } from "../content/article.js";
import { isDictionaryWord } from "./dictionary.js";
import { findPlaces } from "./entities.js";
import { COMMON_WORDS, STOP_WORD_SET } from "./language.js";
import { PLACES } from "./places.js";
import { tokenize } from "./normalize.js";

/**
 * The story's setting, read from the article itself rather than listed per
 * story: the countries and organisations its text names that are none of its
 * reacting actors (the places the reactions are about), and the proper names
 * of its title ("Nagorno-Karabakh"). Named in most questions, they say what
 * the story is about, never which part of it or which fact is asked.
 */
export interface Setting {
  /** Place codes (places.ts) the article names without a reaction from them. */
  places: ReadonlySet<string>;
  /** Place codes of the actors themselves ("Rusia" in "Kementerian Luar Negeri Rusia" is Russia the actor). */
  actorPlaces: ReadonlySet<string>;
  /** Every name of those places (the country data's too: "armenian", "yerevan") and the title's proper names, as tokens. */
  words: ReadonlySet<string>;
}

/** How much of original.txt is read for the places it names (a place of the setting is named early and often). */
const MAX_TEXT_CHARS = 200_000;

/** Place codes named in a text, its capitals and acronyms checked as written. */
function placeCodes(text: string): Set<string> {
  return new Set(findPlaces(tokenize(text), text).map((p) => p.code));
}

/** Capitalised words of a title that no dictionary knows, not its first: the names it is about. */
function titleNames(title: string): string[] {
  const words = title.split(/[\s\-–/,:;()]+/).slice(1);
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .flatMap((w) => tokenize(w))
    .filter((w) => w.length >= 3 && !isCommon(w));
}

const isCommon = (w: string) => COMMON_WORDS.has(w) || STOP_WORD_SET.has(w) || isDictionaryWord(w);

const settings = new WeakMap<Article, Setting>();

export function settingOf(article: Article): Setting {
  let setting = settings.get(article);
  if (setting) return setting;
  const actorNames = article.actors.flatMap((a) => [a.id, a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en]);
  const actorCodes = new Set(actorNames.flatMap((n) => [...placeCodes(n)]));
  const text = [article.title.id, article.title.en, article.original.slice(0, MAX_TEXT_CHARS), ...(article.translation?.en ?? [])].join("\n");
  const places = new Set([...placeCodes(text.slice(0, 2 * MAX_TEXT_CHARS))].filter((code) => !actorCodes.has(code)));
  const actorWords = new Set(actorNames.flatMap((n) => tokenize(n)));
  const words = new Set<string>();
  // Single-word names only: "republic of azerbaijan" adds nothing "azerbaijan" does not, and "republic" is no name.
  for (const [name, place] of PLACES) if (places.has(place.code) && !name.includes(" ")) words.add(name);
  for (const w of [...titleNames(article.title.id), ...titleNames(article.title.en)]) words.add(w);
  for (const w of actorWords) words.delete(w);
  setting = { places, actorPlaces: actorCodes, words };
  settings.set(article, setting);
  return setting;
}

/** The setting's place codes a text names: "tentara Azerbaijan" names AZ. */
export function settingPlacesIn(article: Article, text: string): string[] {
  const { places } = settingOf(article);
  return [...placeCodes(text)].filter((code) => places.has(code));
}

