import { tokenize } from "../src/understand/normalize.js";
import { testKabar } from "../tests/helpers/core.js";
import { type BenchSection, peakMemory, percentile, round, timeEach, devQuestions } from "./harness.js";

/**
 * Free-text answering over the development question set, through the same
 * `Kabar.answer` path every platform uses (understand + run the command):
 * first-seen (the caches emptied before each question, so every answer is
 * understood and composed anew) and repeated (served from the caches).
 * Baseline, same run: normalising the same questions only (tokenize), the
 * cheapest step any answer needs.
 */
export const understandSection: BenchSection = {
  name: "free-text answering",
  async run() {
    const questions = devQuestions();
    const kabar = testKabar();
    const rounds = 200;
    // Warm up the JIT and lazy indexes so the first questions do not dominate p99.
    for (const q of questions) await kabar.answer(q);
    const { result: full, peakMiB } = await peakMemory(() =>
      timeEach(questions, rounds, (q) => {
        kabar.clearCaches();
        return kabar.answer(q);
      }),
    );
    const repeated = await timeEach(questions, rounds, (q) => kabar.answer(q));
    const base = await timeEach(questions, rounds, (q) => tokenize(q));
    return {
      questions: questions.length * rounds,
      median_ms: round(percentile(full.latencies, 50), 4),
      p99_ms: round(percentile(full.latencies, 99), 4),
      questions_per_s: Math.round(full.perSecond),
      baseline_normalise_per_s: Math.round(base.perSecond),
      ratio_vs_normalise: round(base.perSecond / full.perSecond, 2),
      repeated_median_ms: round(percentile(repeated.latencies, 50), 4),
      repeated_questions_per_s: Math.round(repeated.perSecond),
      peak_rss_mib: peakMiB,
    };
  },
};
