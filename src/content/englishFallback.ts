import type { Localized } from "../core/lang.js";
import type { Actor, BackgroundSection } from "./article.js";
import type { ArticleFile } from "./schema.js";

/**
 * An imported draft carries no invented English. Until an editor writes the
 * English fields, each missing one serves the Indonesian text, and the
 * article says so (`pending`), so English replies can carry a one-line note.
 */
export interface EnglishFilled {
  title: Localized;
  summary: { short: Localized; long: { id: string[]; en: string[] } };
  actors: Actor[];
  background: BackgroundSection[];
  pending: boolean;
}

export function fillMissingEnglish(data: ArticleFile): EnglishFilled {
  let pending = false;
  const one = (field: { id: string; en?: string | undefined }): Localized => {
    if (field.en === undefined) pending = true;
    return { id: field.id, en: field.en ?? field.id };
  };
  const many = (field: { id: string[]; en?: string[] | undefined }) => {
    if (field.en === undefined) pending = true;
    return { id: field.id, en: field.en ?? field.id };
  };
  const actors = Object.entries(data.actors).map(([id, a]): Actor => ({
    id,
    name: one(a.name),
    flag: a.flag,
    color: a.color,
    aliases: a.aliases,
    reaction: one(a.reaction),
    quotes: a.quotes.map((q) => {
      if (q.translation === undefined) pending = true;
      return { speaker: q.speaker, role: one(q.role), text: q.text, ...(q.translation ? { translation: q.translation } : {}) };
    }),
  }));
  const background = data.background.map((s): BackgroundSection => ({
    id: s.id,
    title: one(s.title),
    actors: s.actors,
    keywords: s.keywords,
    text: many(s.text),
  }));
  const title = one(data.title);
  const summary = { short: one(data.summary.short), long: many(data.summary.long) };
  return { title, summary, actors, background, pending };
}
