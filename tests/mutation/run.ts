import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { MUTATION_GROUPS } from "./groups.js";

/**
 * `npm run test:mutation [group…] [stryker options]`: Stryker group by group
 * (tests/mutation/groups.ts), incremental (reports/stryker-incremental.json), so
 * a re-run tests only the mutants whose code or tests changed. The last group's
 * report carries every group's mutants: its table is the figure for all files.
 */
const args = process.argv.slice(2);
// Group names first; from the first option on, everything goes to Stryker (`--concurrency 1`).
const firstOption = args.findIndex((a) => a.startsWith("-"));
const names = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerArgs = firstOption === -1 ? [] : args.slice(firstOption).filter((a, i) => i > 0 || a !== "--");

const listed: string[] = JSON.parse(readFileSync("stryker.config.json", "utf8")).mutate;
const grouped = Object.values(MUTATION_GROUPS).flatMap((g) => g.mutate);
const missing = listed.filter((f) => !grouped.includes(f));
const extra = grouped.filter((f) => !listed.includes(f));
if (missing.length > 0 || extra.length > 0) {
  console.error(`tests/mutation/groups.ts and stryker.config.json disagree: not grouped ${missing.join(", ") || "-"}; not listed ${extra.join(", ") || "-"}`);
  process.exit(2);
}
const unknown = names.filter((n) => !(n in MUTATION_GROUPS));
if (unknown.length > 0) {
  console.error(`unknown group ${unknown.join(", ")}: the groups are ${Object.keys(MUTATION_GROUPS).join(", ")}`);
  process.exit(2);
}

for (const name of names.length > 0 ? names : Object.keys(MUTATION_GROUPS)) {
  const group = MUTATION_GROUPS[name]!;
  console.log(`\n== mutation group ${name}: ${group.mutate.join(", ")}`);
  const run = spawnSync("npx", ["stryker", "run", "--incremental", "--mutate", group.mutate.join(","), ...strykerArgs], {
    stdio: "inherit",
    env: { ...process.env, STRYKER_GROUP: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
