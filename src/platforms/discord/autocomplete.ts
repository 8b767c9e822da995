import type { OptionSource } from "../../core/command.js";
import type { Lang } from "../../core/lang.js";
import type { ContentLibrary } from "../../content/loader.js";
import { resolveActorName } from "../../understand/entities.js";
import { cleanText } from "../../understand/normalize.js";

/**
 * Suggestions while the user types an option whose values come from the
 * content. Discord shows at most 25 choices, each name and value at most 100
 * characters (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete).
 */
export const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

export interface Choice {
  name: string;
  value: string;
}

/** Whether any word of `name` (cleaned) starts with what was typed so far: "pranc" -> "Prancis". */
function startsWord(name: string, typed: string): boolean {
  const key = cleanText(name);
  return key.startsWith(typed) || key.split(" ").some((w) => w.startsWith(typed));
}

function choice(name: string, value: string): Choice {
  return { name: name.length > MAX_CHOICE_NAME ? `${name.slice(0, MAX_CHOICE_NAME - 1)}…` : name, value };
}

function actorChoices(library: ContentLibrary, typed: string, lang: Lang, articleId?: string): Choice[] {
  const article = library.get(articleId) ?? library.newest();
  const key = cleanText(typed);
  // A full alias or a typo in either language ("rusai", "PBB", "Colonna"), through the same matcher free text uses.
  const resolved = key ? resolveActorName(article, typed) : undefined;
  const matches = article.actors.filter(
    (a) =>
      !key ||
      a.id === resolved ||
      [a.id, a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en].some((name) => startsWord(name, key)),
  );
  matches.sort((a, b) => Number(b.id === resolved) - Number(a.id === resolved));
  return matches.map((a) => choice(`${a.flag} ${a.name[lang]}`, a.id));
}

function topicChoices(library: ContentLibrary, typed: string, lang: Lang, articleId?: string): Choice[] {
  const article = library.get(articleId) ?? library.newest();
  const key = cleanText(typed);
  return article.background
    .filter((s) => !key || startsWord(s.id, key) || startsWord(s.title.id, key) || startsWord(s.title.en, key))
    .map((s) => choice(s.title[lang], s.id));
}

/** Whether every typed word starts a word of `title` ("air olahan", "rice exp"), in any order. */
function titleMatches(title: string, typedWords: string[]): boolean {
  const words = cleanText(title).split(" ");
  return typedWords.every((t) => words.some((w) => w.startsWith(t)));
}

/** Articles by title in either language (the list is the library's, newest first); Discord shows the first 25. */
function articleChoices(library: ContentLibrary, typed: string, lang: Lang): Choice[] {
  const key = cleanText(typed);
  const typedWords = key.split(" ").filter(Boolean);
  return library.articles
    .filter((a) => !key || cleanText(a.id).includes(key) || titleMatches(a.title.id, typedWords) || titleMatches(a.title.en, typedWords))
    .map((a) => choice(`${a.eventsDate}: ${a.title[lang]}`, a.id));
}

let zones: string[] | undefined;
function timezoneChoices(typed: string): Choice[] {
  zones ??= Intl.supportedValuesOf("timeZone");
  const key = typed.trim().toLowerCase().replace(/\s+/g, "_");
  // Indonesia's three zones first: the audience we expect most.
  const preferred = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];
  const all = [...preferred, ...zones.filter((z) => !preferred.includes(z))];
  return all.filter((z) => !key || z.toLowerCase().includes(key)).map((z) => choice(z, z));
}

export function autocompleteChoices(
  library: ContentLibrary,
  source: OptionSource | undefined,
  typed: string,
  lang: Lang,
  articleId?: string,
): Choice[] {
  let out: Choice[];
  switch (source) {
    case "actor":
      out = actorChoices(library, typed, lang, articleId);
      break;
    case "topic":
      out = topicChoices(library, typed, lang, articleId);
      break;
    case "article":
      out = articleChoices(library, typed, lang);
      break;
    case "timezone":
      out = timezoneChoices(typed);
      break;
    default:
      out = [];
  }
  return out.slice(0, MAX_CHOICES);
}
