import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfigOrExit } from "../config.js";
import { ARTICLE_FILE, ContentError, loadArticle, loadLibrary } from "./loader.js";

/**
 * `npm run content:check [folder]`: every check the loader makes at start,
 * for one article folder or for the whole content folder (drafts included).
 * One line per problem, the same lines the bot would log; exit 1 on any.
 */
const config = loadConfigOrExit();
const target = resolve(process.argv[2] ?? config.CONTENT_DIR);
const line = (err: unknown) => (err instanceof ContentError ? err.message : err instanceof Error ? err.message : String(err));

let problems = 0;
const report = (err: unknown) => {
  problems++;
  process.stderr.write(`${line(err)}\n`);
};

if (!existsSync(target)) {
  report(new ContentError(process.argv[2] ?? config.CONTENT_DIR, "", "does not exist"));
} else if (existsSync(join(target, ARTICLE_FILE))) {
  try {
    const a = loadArticle(target);
    process.stdout.write(`ok ${a.id} (${a.status}${a.englishPending ? ", English pending" : ""})\n`);
  } catch (err) {
    report(err);
  }
} else {
  const folders = readdirSync(target)
    .filter((name) => !name.startsWith(".") && statSync(join(target, name)).isDirectory())
    .sort();
  for (const name of folders) {
    try {
      const a = loadArticle(join(target, name));
      process.stdout.write(`ok ${a.id} (${a.status}${a.englishPending ? ", English pending" : ""})\n`);
    } catch (err) {
      report(err);
    }
  }
  // Checks across folders (an id used twice, no published article), once each folder passes on its own.
  if (problems === 0) {
    try {
      loadLibrary(target);
    } catch (err) {
      report(err);
    }
  }
  process.stdout.write(`${folders.length} folder(s) checked, ${problems} problem(s)\n`);
}
process.exit(problems > 0 ? 1 : 0);
