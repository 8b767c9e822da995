import type { Lang } from "../core/lang.js";
import { formatDate, t } from "../core/strings.js";
import type { Actor, Article, BackgroundSection } from "./article.js";

/** Pure lookups over one article. */

export function actorById(article: Article, id: string): Actor | undefined {
  return article.actors.find((a) => a.id === id);
}

export function sectionById(article: Article, id: string): BackgroundSection | undefined {
  return article.background.find((s) => s.id === id);
}

/** "🇫🇷 Prancis, 🇺🇳 PBB, 🇷🇺 Rusia" */
export function actorList(article: Article, lang: Lang): string {
  return article.actors.map((a) => `${a.flag} ${a.name[lang]}`).join(", ");
}

/** The citation every article answer carries. */
export function sourceLine(article: Article, lang: Lang): string {
  return t(lang).sourceLine(article.outlet, article.author, formatDate(article.eventsDate, lang));
}
