import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { ROOT } from "./core.js";

/**
 * Question sets and their recorded misses. Every `tests/fixtures/questions-*.jsonl`
 * has a `questions-*.misses.json` beside it listing the questions the bot gets
 * wrong today, for kind (with actor, topic or name) and for the reply language.
 * A test then demands "no new misses": a single regression fails, whatever the
 * set's overall score, and a miss that got fixed does not fail but asks for the
 * file to be updated (printed, or written with UPDATE_MISSES=1).
 */
export const FIXTURES = `${ROOT}tests/fixtures/`;

export interface Misses {
  kind: string[];
  lang: string[];
}

/** Every question set in tests/fixtures, by file name. */
export function questionSets(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => /^questions-.+\.jsonl$/.test(f))
    .sort();
}

export function missesFile(set: string): string {
  return set.replace(/\.jsonl$/, ".misses.json");
}

export function readMisses(set: string): Misses | undefined {
  const path = FIXTURES + missesFile(set);
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Misses>;
  return { kind: parsed.kind ?? [], lang: parsed.lang ?? [] };
}

export function formatMisses(misses: Misses): string {
  return `${JSON.stringify({ kind: [...misses.kind].sort(), lang: [...misses.lang].sort() }, null, 2)}\n`;
}

export interface MissComparison {
  /** Wrong now, right when the file was written: regressions. */
  added: string[];
  /** Right now, recorded as wrong: the file is out of date. */
  fixed: string[];
}

export function compareMisses(now: string[], recorded: string[]): MissComparison {
  const before = new Set(recorded);
  const current = new Set(now);
  return { added: now.filter((q) => !before.has(q)), fixed: recorded.filter((q) => !current.has(q)) };
}

/**
 * Says how to bring the file up to date when misses were fixed (or, with
 * UPDATE_MISSES=1, writes it). Returns the message printed, for the test's log.
 */
export function reportFixed(set: string, current: Misses, fixed: MissComparison): string | undefined {
  if (fixed.fixed.length === 0) return undefined;
  const file = `tests/fixtures/${missesFile(set)}`;
  if (process.env.UPDATE_MISSES === "1") {
    writeFileSync(FIXTURES + missesFile(set), formatMisses(current));
    return `${file}: updated (${fixed.fixed.length} fixed)`;
  }
  const message =
    `${file}: ${fixed.fixed.length} recorded miss(es) now answered right: ${JSON.stringify(fixed.fixed)}.\n` +
    `Update the file (UPDATE_MISSES=1 npx vitest run tests/understand.test.ts) so they cannot regress silently; its new content:\n` +
    formatMisses(current);
  console.warn(message);
  return message;
}
