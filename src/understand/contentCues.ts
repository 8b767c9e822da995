import type { Article } from "../content/article.js";
import { tokenize } from "./normalize.js";

/**
 * Words of the article itself that point at one part of it. A question that
 * echoes a fact ("who called the operation illegal?", "siapa yang menyerukan
 * deeskalasi?") names no actor, but its words occur in one actor's reaction or
 * one background section and nowhere else: that part is what it asks about.
 * Built from the content, so a new article brings its own cues.
 */
export type CueUnit = { kind: "actor"; id: string } | { kind: "section"; id: string };

interface CueIndex {
  /** Distinctive word -> the one unit it occurs in. */
  words: Map<string, CueUnit>;
  /** Same words, for prefix matches ("evacuating" ~ "evacuate"). */
  list: Array<[string, CueUnit]>;
}

/** Shorter words carry too little meaning to point anywhere. */
const MIN_LENGTH = 5;
/** Shared stems at least this long count as the same word ("mengevakuasi" ~ "evakuasi"). */
const MIN_STEM = 6;

const indexes = new WeakMap<Article, CueIndex>();

function buildIndex(article: Article, ignore: (word: string) => boolean): CueIndex {
  const units: Array<[CueUnit, string]> = [
    ...article.actors.map(
      (a) =>
        [
          { kind: "actor", id: a.id },
          [a.reaction.id, a.reaction.en, ...a.quotes.flatMap((q) => [q.text, q.translation])].join(" "),
        ] as [CueUnit, string],
    ),
    ...article.background.map(
      (s) => [{ kind: "section", id: s.id }, [...s.text.id, ...s.text.en].join(" ")] as [CueUnit, string],
    ),
  ];
  const seenIn = new Map<string, CueUnit[]>();
  for (const [unit, text] of units) {
    for (const word of new Set(tokenize(text))) {
      if (word.length < MIN_LENGTH || ignore(word) || /^\d+$/.test(word)) continue;
      seenIn.set(word, [...(seenIn.get(word) ?? []), unit]);
    }
  }
  const words = new Map<string, CueUnit>();
  for (const [word, where] of seenIn) if (where.length === 1) words.set(word, where[0]!);
  return { words, list: [...words] };
}

function unitKey(unit: CueUnit): string {
  return `${unit.kind}:${unit.id}`;
}

/**
 * How many distinct question words point at each unit ("actor:france",
 * "section:russia-role"). `ignore` holds words that say nothing about which
 * part is meant (function words, names, the story's setting).
 */
export function contentCues(article: Article, tokens: readonly string[], ignore: (word: string) => boolean): Map<string, number> {
  let index = indexes.get(article);
  if (!index) {
    index = buildIndex(article, ignore);
    indexes.set(article, index);
  }
  const hits = new Map<string, number>();
  for (const tok of new Set(tokens)) {
    if (tok.length < MIN_LENGTH || ignore(tok)) continue;
    let unit = index.words.get(tok);
    if (!unit && tok.length >= MIN_STEM) {
      unit = index.list.find(([w]) => w.length >= MIN_STEM && (w.includes(tok) || tok.includes(w)))?.[1];
    }
    if (unit) hits.set(unitKey(unit), (hits.get(unitKey(unit)) ?? 0) + 1);
  }
  return hits;
}
