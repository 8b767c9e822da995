import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchSection, Figures } from "./harness.js";
import { round } from "./harness.js";

/**
 * Cost as the library grows: 1, 100 and 1,000 articles (the seed plus
 * generated ones), each in its own process (bench/articlesWorker.ts): load
 * time (loader + free-text index, CPU time), RSS, and free-text p50/p99 over
 * questions never seen before (wall time, what the asker waits; CPU time beside it). The 1-article run is the baseline the others are
 * compared with. A last run serves one article whose original.txt is 1 MB
 * (the loader's cap is 1 MiB): per-question work must not grow with it.
 * Goals (issue 8): p99 <= 1 ms at 1,000 articles, p99 1,000:1 <= 1.5, load <= 2 s.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function runSize(articles: number, originalBytes = 0): Record<string, number> {
  const run = spawnSync(process.execPath, ["--import", "tsx", "bench/articlesWorker.ts", String(articles), String(originalBytes)], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent" },
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`articles bench (${articles}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
}

export const articlesSection: BenchSection = {
  name: "articles",
  async run() {
    const out: Figures = {};
    const sizes = [1, 100, 1000].map((n) => runSize(n));
    for (const s of sizes) {
      out[`n${s.articles}`] = `load ${s.load_ms} ms cpu (${s.load_wall_ms} wall), rss ${s.rss_mib} MiB, wall p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms (cpu p99 ${s.cpu_p99_ms} ms), first question ${s.first_question_ms} ms`;
    }
    const base = sizes[0]!;
    const big = sizes[2]!;
    out.p99_ratio_1000_to_1 = round(big.p99_ms! / base.p99_ms!, 2);
    out.p50_ratio_1000_to_1 = round(big.p50_ms! / base.p50_ms!, 2);
    const fat = runSize(1, 1_000_000);
    out.n1_original_1mb = `load ${fat.load_ms} ms cpu (${fat.load_wall_ms} wall), rss ${fat.rss_mib} MiB, wall p50 ${fat.p50_ms} ms, p99 ${fat.p99_ms} ms (cpu p99 ${fat.cpu_p99_ms} ms), first question ${fat.first_question_ms} ms`;
    out.p99_ratio_1mb_to_seed = round(fat.p99_ms! / base.p99_ms!, 2);
    return out;
  },
};
