import { COMMON_WORDS } from "../understand/language.js";
import { cleanText } from "../understand/normalize.js";
import { placesIn } from "./actors.js";
import type { Section } from "./structure.js";

/**
 * question-like subheadings -> background sections: an id from the title's
 * words, the article's actors the section names, and keywords from the words
 * most particular to the section (frequent in it, rare in the rest).
 */
export interface DraftSection {
  id: string;
  title: string;
  actors: string[];
  keywords: string[];
  text: string[];
}

const QUESTION_WORDS = new Set(["apa", "apakah", "siapa", "bagaimana", "mengapa", "kenapa", "kapan", "di", "mana", "berapa", "seperti"]);
const MAX_KEYWORDS = 12;

export function sectionId(title: string): string {
  const words = cleanText(title).split(" ").filter((w) => w && !QUESTION_WORDS.has(w));
  // The words hold letters and digits only (cleanText), so the cut leaves at most one dash at the end.
  return words.join("-").slice(0, 24).replace(/-$/, "").replace(/^[^a-z]+/, "") || "latar-belakang";
}

function words(text: string): string[] {
  return cleanText(text)
    .split(" ")
    .filter((w) => w.length >= 4 && !/\d/.test(w) && !COMMON_WORDS.has(w));
}

/** The section's words, most distinctive first: count in the section over one plus the count elsewhere; ties in the text's order (sort is stable). */
export function distinctiveWords(sectionText: string, rest: string): string[] {
  const inside = new Map<string, number>();
  for (const w of words(sectionText)) inside.set(w, (inside.get(w) ?? 0) + 1);
  const outside = new Map<string, number>();
  for (const w of words(rest)) outside.set(w, (outside.get(w) ?? 0) + 1);
  return [...inside.entries()]
    .map(([w, n]) => ({ w, score: n / (1 + (outside.get(w) ?? 0)) }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.w);
}

/** `actorIds` maps a country or organisation code to the article's actor id. */
export function toSections(sections: readonly Section[], article: readonly string[], actorIds: ReadonlyMap<string, string>): DraftSection[] {
  const used = new Set<string>();
  return sections.map((section) => {
    let id = sectionId(section.title);
    for (let n = 2; used.has(id); n++) id = `${sectionId(section.title).slice(0, 21)}-${n}`;
    used.add(id);
    const body = section.paragraphs.join("\n");
    // Stryker disable next-line MethodExpression: with the section counted in the rest too, a score n / (1 + o) becomes n / (1 + o + n), which ranks the words the same.
    const rest = article.filter((p) => !section.paragraphs.includes(p)).join("\n");
    const titleWords = words(section.title);
    const keywords = [...new Set([...titleWords, ...distinctiveWords(body, rest)])].slice(0, MAX_KEYWORDS);
    const actors = [...new Set(placesIn(`${section.title}\n${body}`).flatMap((code) => actorIds.get(code) ?? []))];
    return { id, title: section.title, actors, keywords, text: section.paragraphs };
  });
}
