import { articlesSection } from "./articles.js";
import { digestSection } from "./digest.js";
import { discordSection } from "./discord.js";
import type { BenchSection, Figures } from "./harness.js";
import { scaleSection } from "./scale.js";
import { telegramSection } from "./telegram.js";
import { understandSection } from "./understand.js";

/**
 * `npm run bench [-- --json] [-- --only <name>]`: runs every section in one
 * process and prints their figures. Not a test: nothing here fails the build.
 */
const SECTIONS: BenchSection[] = [
  understandSection,
  articlesSection,
  telegramSection,
  discordSection,
  digestSection,
  scaleSection,
  // Platform sections register here (Telegram, Discord, digest fan-out).
];

const args = process.argv.slice(2);
const json = args.includes("--json");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

const results: Record<string, Figures> = {};
for (const section of SECTIONS) {
  if (only && !section.name.includes(only)) continue;
  if (!json) process.stdout.write(`\n== ${section.name} ==\n`);
  const figures = await section.run();
  results[section.name] = figures;
  if (!json) for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(28)} ${v}\n`);
}
if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
