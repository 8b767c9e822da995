import type { Actor } from "../content/article.js";
import { tokenize } from "./normalize.js";

/**
 * Every word of an actor's id, names and aliases, in both languages ("antonio", "guterres", "pbb"):
 * read once per actor of a loaded article, not once per question (a reload brings new actors).
 */
const nameWords = new WeakMap<Actor, ReadonlySet<string>>();

export function actorNameWords(actor: Actor): ReadonlySet<string> {
  let names = nameWords.get(actor);
  if (!names) {
    names = new Set([actor.id, actor.name.id, actor.name.en, ...actor.aliases.id, ...actor.aliases.en].flatMap((n) => tokenize(n)));
    nameWords.set(actor, names);
  }
  return names;
}
