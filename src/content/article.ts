import type { Lang, Localized } from "../core/lang.js";

/** A loaded, validated article. Pure data; queries live in queries.ts. */
export interface Quote {
  speaker: string;
  role: Localized;
  text: string;
  /** Our English rendering; absent while the English version is pending. */
  translation?: string;
}

export interface Actor {
  id: string;
  name: Localized;
  flag: string;
  color: number;
  aliases: { id: string[]; en: string[] };
  reaction: Localized;
  quotes: Quote[];
}

export interface BackgroundSection {
  id: string;
  title: Localized;
  actors: string[];
  keywords: { id: string[]; en: string[] };
  text: { id: string[]; en: string[] };
}

export interface Article {
  id: string;
  /** Drafts are validated but never served: the library holds published articles only. */
  status: "draft" | "published";
  /**
   * Some English field was not written yet; the loader filled it with the
   * Indonesian text, and English replies say the English version is pending.
   */
  englishPending: boolean;
  /** Folder the article was loaded from, for error messages and reloads. */
  dir: string;
  eventsDate: string;
  language: Lang;
  outlet: string;
  author: string;
  url?: string;
  title: Localized;
  summary: { short: Localized; long: { id: string[]; en: string[] } };
  actors: Actor[];
  background: BackgroundSection[];
  related: string[];
  /** original.txt, verbatim. */
  original: string;
  /** Our English rendering of each paragraph of `original` (its non-empty lines), when the article has one. */
  translation?: { en: string[] };
}

/** The paragraphs of an original text: its non-empty lines, trimmed. */
export function paragraphsOf(original: string): string[] {
  return original
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
