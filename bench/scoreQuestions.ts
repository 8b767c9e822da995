import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npx tsx bench/scoreQuestions.ts [--out FILE] [set.jsonl ...]`: scores question sets and the fact
 * set against the bot exactly as a user reaches it through `npm run ask -- --json` (one process,
 * one JSON line per question), so the score measures the real path and never depends on how the
 * understanding is built inside. Prints (or writes) a Markdown report with the misses.
 *
 * Question sets (q, lang, kind, actor?, topic?, actor_text?): a question is right when the kind
 * matches and so does every field the label gives (actor, topic, actor_text); a `quote` labelled
 * without an actor accepts any actor. Language is scored separately.
 * Fact sets (q, lang, facts[], from? | absent): right when one of `facts` stands, case-insensitively,
 * in the first 300 characters of the reply's plain text. Absent facts are listed with the reply's
 * kind and opening for a human to judge (no made-up fact), not scored automatically.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_SETS = ["tests/fixtures/questions-blind5.jsonl", "tests/fixtures/questions-blind6.jsonl", "tests/fixtures/facts.jsonl"];
const FACT_WINDOW = 300;

interface Labelled {
  q: string;
  lang: string;
  kind?: string;
  actor?: string;
  topic?: string;
  actor_text?: string;
  facts?: string[];
  absent?: boolean;
}
type Answer = Record<string, string | undefined>;

function readJsonl(path: string): Labelled[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Labelled);
}

/** One `ask --json` process for the whole set: start-up is paid once, answers come back line by line. */
function ask(questions: string[]): Answer[] {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/ask.ts", "--json"], {
    cwd: ROOT,
    input: `${questions.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ask failed (${run.status}): ${run.stderr.trim()}`);
  const lines = run.stdout.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== questions.length) throw new Error(`ask gave ${lines.length} answers for ${questions.length} questions`);
  return lines.map((line) => JSON.parse(line) as Answer);
}

function label(x: Labelled | Answer): string {
  return [x.kind, x.actor, x.topic, x.actor_text !== undefined ? `"${x.actor_text}"` : undefined].filter(Boolean).join(" ");
}

function classMatches(want: Labelled, got: Answer): boolean {
  if (got.kind !== want.kind) return false;
  if (want.actor !== undefined && got.actor !== want.actor) return false;
  if (want.topic !== undefined && got.topic !== want.topic) return false;
  if (want.kind === "not_found" && got.actor_text !== want.actor_text) return false;
  return true;
}

const pct = (n: number, d: number): string => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** Makes invisible characters visible in the report, so a reader sees why a line differs. */
const shown = (s: string): string => JSON.stringify(s).slice(1, -1);

function scoreQuestions(path: string, items: Labelled[], answers: Answer[]): string {
  let classOk = 0;
  let langOk = 0;
  const misses: string[] = [];
  items.forEach((want, i) => {
    const got = answers[i]!;
    const okClass = classMatches(want, got);
    const okLang = got.lang === want.lang;
    if (okClass) classOk++;
    if (okLang) langOk++;
    if (!okClass || !okLang) {
      misses.push(`| ${cell(shown(want.q))} | ${label(want)} (${want.lang}) | ${label(got)} (${got.lang}) |`);
    }
  });
  return [
    `## ${path}`,
    "",
    `- questions: ${items.length}`,
    `- kind+actor (+topic, +actor_text): ${classOk}/${items.length} = ${pct(classOk, items.length)}`,
    `- reply language: ${langOk}/${items.length} = ${pct(langOk, items.length)}`,
    "",
    `Misses (${misses.length}):`,
    "",
    "| question | expected | got |",
    "|---|---|---|",
    ...misses,
    "",
  ].join("\n");
}

function scoreFacts(path: string, items: Labelled[], answers: Answer[]): string {
  const scored = items.map((want, i) => ({ want, got: answers[i]! }));
  const present = scored.filter((x) => !x.want.absent);
  const absent = scored.filter((x) => x.want.absent);
  const misses: string[] = [];
  let ok = 0;
  let langOk = 0;
  for (const { want, got } of present) {
    const head = (got.text ?? "").slice(0, FACT_WINDOW).toLowerCase();
    const hit = (want.facts ?? []).some((fact) => head.includes(fact.toLowerCase()));
    if (hit) ok++;
    else misses.push(`| ${cell(want.q)} | ${cell((want.facts ?? []).join(" / "))} | ${label(got)}: ${cell((got.text ?? "").slice(0, 80))}… |`);
    if (got.lang === want.lang) langOk++;
  }
  const absentRows = absent.map(({ want, got }) => `| ${cell(want.q)} | ${label(got)} (${got.lang}) | ${cell((got.text ?? "").slice(0, 100))}… |`);
  const byLang = (lang: string): string => {
    const part = present.filter((x) => x.want.lang === lang);
    const hits = part.filter(({ want, got }) =>
      (want.facts ?? []).some((f) => (got.text ?? "").slice(0, FACT_WINDOW).toLowerCase().includes(f.toLowerCase())),
    ).length;
    return `${hits}/${part.length} = ${pct(hits, part.length)}`;
  };
  return [
    `## ${path}`,
    "",
    `- fact questions: ${present.length} (id ${byLang("id")}, en ${byLang("en")})`,
    `- fact in the reply's first ${FACT_WINDOW} characters: ${ok}/${present.length} = ${pct(ok, present.length)}`,
    `- reply language: ${langOk}/${present.length} = ${pct(langOk, present.length)}`,
    "",
    `Misses (${misses.length}):`,
    "",
    "| question | expected fact | got (kind: opening) |",
    "|---|---|---|",
    ...misses,
    "",
    `Absent questions (${absent.length}), the article does not hold the fact: reply kind`,
    "",
    "| question | kind | opening |",
    "|---|---|---|",
    ...absentRows,
    "",
  ].join("\n");
}

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const sets = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
const paths = sets.length > 0 ? sets : DEFAULT_SETS;
const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();

const sections: string[] = [];
for (const path of paths) {
  const items = readJsonl(resolve(ROOT, path));
  const answers = ask(items.map((x) => x.q));
  sections.push(items.some((x) => x.facts !== undefined) ? scoreFacts(path, items, answers) : scoreQuestions(path, items, answers));
}
const report = [
  "# Blind question sets: score",
  "",
  `Scored at commit ${commit}, ${new Date().toISOString()}, through \`npm run ask -- --json\` (bench/scoreQuestions.ts).`,
  "",
  ...sections,
].join("\n");
if (out) writeFileSync(resolve(ROOT, out), report);
else process.stdout.write(report);
