import type { DraftActor } from "./actors.js";
import { hasQuotation, toSentences } from "./paragraphs.js";
import type { Part, Section } from "./structure.js";

/**
 * Extractive summaries: the article's own sentences, never rewritten (the
 * YAML marks them `extracted: true`). Short: the opening sentence. Long: the
 * first sentence of the article's own account in each part and section.
 */
export interface DraftSummary {
  short: string;
  long: string[];
}

function firstOwnSentence(paragraphs: readonly string[]): string | undefined {
  return paragraphs.flatMap(toSentences).find((s) => !hasQuotation(s));
}

export function toSummary(parts: readonly Part[], sections: readonly Section[], actors: readonly DraftActor[]): DraftSummary {
  const long = [...parts, ...sections].flatMap((p) => firstOwnSentence(p.paragraphs) ?? []);
  // No sentence of its own anywhere (a text made of quotes): fall back to the reactions (never empty: a part has paragraphs).
  const fallback = actors.map((a) => a.reaction);
  const chosen = long.length > 0 ? long : fallback;
  // Stryker disable next-line StringLiteral: importText refuses a text with no actor before it summarises, so `chosen` is never empty.
  return { short: chosen[0] ?? "", long: [...new Set(chosen)] };
}
