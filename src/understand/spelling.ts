import { editDistance, isOneSlip, typoBudget } from "./fuzzy.js";

/**
 * Mends typos in the words that decide what a question asks ("ringksan" ->
 * "ringkasan", "qoute" -> "quote", "backgroud" -> "background"). Only words the
 * bot does not know are touched, only towards a cue word, and only within the
 * typo budget with the first letter right, so names and ordinary words stay as typed.
 */
export class SpellingFixer {
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly slipsByFirstLetter = new Map<string, string[]>();

  constructor(
    /** Words to leave alone: known words, names. */
    readonly known: (word: string) => boolean,
    /** Words a typo may be mended to. */
    targets: Iterable<string>,
    /**
     * Words a typo may be mended to only from one slip of typing (fuzzy.ts `isOneSlip`): the article's own words
     * ("hostilites" -> "hostilities"), far more numerous than cue words, so a real word no dictionary of ours
     * lists is not taken for one of them.
     */
    slipTargets: Iterable<string> = [],
  ) {
    const bucket = (into: Map<string, string[]>, words: Iterable<string>, skip: ReadonlySet<string>) => {
      for (const target of new Set(words)) {
        if (target.length < 5 || target.includes(" ") || skip.has(target)) continue;
        const list = into.get(target[0]!) ?? [];
        list.push(target);
        into.set(target[0]!, list);
      }
    };
    const cues = new Set(targets);
    bucket(this.byFirstLetter, cues, new Set());
    bucket(this.slipsByFirstLetter, slipTargets, cues);
  }

  /** The word, or the cue word (else the article's word) it is a typo of. */
  fix(word: string): string {
    if (word.length < 5 || this.known(word)) return word;
    let best: { target: string; d: number } | undefined;
    for (const target of this.byFirstLetter.get(word[0]!) ?? []) {
      const budget = typoBudget(Math.min(word.length, target.length));
      const d = editDistance(word, target, budget);
      if (d <= budget && (!best || d < best.d)) best = { target, d };
    }
    if (best) return best.target;
    return this.slipsByFirstLetter.get(word[0]!)?.find((target) => isOneSlip(word, target)) ?? word;
  }

  fixAll(tokens: readonly string[]): string[] {
    return tokens.map((t) => this.fix(t));
  }
}
