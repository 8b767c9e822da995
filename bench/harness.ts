import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * Small helpers shared by every bench section: timing, percentiles, peak
 * memory. Each section measures its own baseline in the same run and reports
 * the ratio, so numbers from different machines stay comparable.
 */
export type Figures = Record<string, number | string>;

export interface BenchSection {
  name: string;
  run(): Promise<Figures>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

/** Runs `fn` for each item `rounds` times; returns per-call latencies in ms (sorted) and throughput. */
export async function timeEach<T>(items: T[], rounds: number, fn: (item: T) => unknown): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const t0 = performance.now();
      await fn(item);
      latencies.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return { latencies, perSecond: (latencies.length / elapsed) * 1000 };
}

/** Samples RSS while `fn` runs; returns the peak in MiB. */
export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMiB: Math.round((peak / 1024 / 1024) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

export const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The development question set's questions, the workload of the answering sections. */
export function devQuestions(): string[] {
  return readFileSync(new URL("../tests/fixtures/questions-public.jsonl", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { q: string }).q);
}
