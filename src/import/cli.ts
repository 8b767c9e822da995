import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfigOrExit } from "../config.js";
import { ContentError, loadArticle } from "../content/loader.js";
import { openStoreOrExit } from "../store/open.js";
import type { SubscriptionStore } from "../store/types.js";
import { importSource } from "./importSource.js";

/**
 * `npm run content:import -- <source> [--publish] [--id <id>]`
 * source: a .txt or .html file, an http(s) URL of a page, or an RSS/Atom feed (file or URL).
 * Writes each article into a new folder of CONTENT_DIR, as a draft unless --publish.
 * Progress on stdout; one line per problem on stderr; exit 1 on any problem.
 */
const USAGE = "usage: npm run content:import -- <file.txt | file.html | feed.xml | https://…> [--publish] [--id <article-id>]";

function fail(line: string, code = 1): never {
  process.stderr.write(`content:import: ${line}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { publish: { type: "boolean", default: false }, id: { type: "string" }, help: { type: "boolean", short: "h" } } });
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, 2);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [source, ...extra] = parsed.positionals;
if (!source || extra.length > 0) fail(USAGE, 2);
const id = parsed.values.id;
if (id !== undefined && !/^[a-z0-9][a-z0-9-]{2,63}$/.test(id)) fail(`--id ${JSON.stringify(id)}: must be 3-64 lower-case letters, digits and dashes`, 2);

const config = loadConfigOrExit();
const contentDir = resolve(config.CONTENT_DIR);
// Feeds remember their imported items in the bot's store, so the CLI and a running bot agree on what is new.
const mayBeFeed = /^https?:\/\//i.test(source) || /\.(xml|rss|atom)$/i.test(source);
let store: SubscriptionStore | undefined;
if (mayBeFeed) store = (await openStoreOrExit(config)).store;

let problems = 0;
try {
  const report = await importSource(source, {
    contentDir,
    publish: parsed.values.publish,
    ...(id ? { id } : {}),
    ...(store ? { store } : {}),
    progress: (line) => process.stdout.write(`${line}\n`),
    problem: (line) => {
      problems++;
      process.stderr.write(`content:import: ${line}\n`);
    },
  });
  // The same checks the bot runs at start, on what was just written.
  for (const done of report.imported) {
    try {
      loadArticle(done.dir);
    } catch (err) {
      problems++;
      process.stderr.write(`content:import: ${err instanceof ContentError ? err.message : String(err)}\n`);
    }
  }
  const drafts = report.imported.filter((a) => a.status === "draft").length;
  process.stdout.write(
    `${report.imported.length} article(s) written to ${config.CONTENT_DIR}` +
      (drafts > 0 ? ` (${drafts} draft(s): set status: published in article.yaml, or import with --publish)` : "") +
      (report.skipped > 0 ? `; ${report.skipped} feed item(s) imported before, skipped` : "") +
      "\n",
  );
} catch (err) {
  problems++;
  process.stderr.write(`content:import: ${err instanceof Error ? err.message : String(err)}\n`);
} finally {
  await store?.close();
}
process.exit(problems > 0 ? 1 : 0);
