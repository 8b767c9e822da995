import { editDistance, typoBudget } from "./fuzzy.js";

/**
 * Mends typos in the words that decide what a question asks ("ringksan" ->
 * "ringkasan", "qoute" -> "quote", "backgroud" -> "background"). Only words the
 * bot does not know are touched, only towards a cue word, and only within the
 * typo budget with the first letter right, so names and ordinary words stay as typed.
 */
export class SpellingFixer {
  private readonly byFirstLetter = new Map<string, string[]>();

  constructor(
    /** Words to leave alone: known words, names. */
    readonly known: (word: string) => boolean,
    /** Words a typo may be mended to. */
    targets: Iterable<string>,
  ) {
    for (const target of new Set(targets)) {
      if (target.length < 5 || target.includes(" ")) continue;
      const list = this.byFirstLetter.get(target[0]!) ?? [];
      list.push(target);
      this.byFirstLetter.set(target[0]!, list);
    }
  }

  /** The word, or the cue word it is a typo of. */
  fix(word: string): string {
    if (word.length < 5 || this.known(word)) return word;
    let best: { target: string; d: number } | undefined;
    for (const target of this.byFirstLetter.get(word[0]!) ?? []) {
      const budget = typoBudget(Math.min(word.length, target.length));
      const d = editDistance(word, target, budget);
      if (d <= budget && (!best || d < best.d)) best = { target, d };
    }
    return best?.target ?? word;
  }

  fixAll(tokens: string[]): string[] {
    return tokens.map((t) => this.fix(t));
  }
}
