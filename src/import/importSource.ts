import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { SubscriptionStore } from "../store/types.js";
import { type FeedItem, parseFeedItems } from "./feed.js";
import { fetchText, looksLikeFeed } from "./fetchText.js";
import { type ImportResult, importText, type SourceMeta } from "./importText.js";
import { pageToText } from "./page.js";
import { writeArticleFolder } from "./writeArticle.js";

/**
 * A source as the CLI and the feed poller name it (a .txt or .html file, a
 * page URL, a feed file or URL) -> article folders in CONTENT_DIR. Problems
 * are reported one line each and never stop the other items of a feed.
 */
export interface ImportDeps {
  contentDir: string;
  /** Where feed items already imported are remembered (guid, else link). */
  store?: Pick<SubscriptionStore, "hasFeedItem" | "recordFeedItem">;
  publish?: boolean;
  id?: string;
  /** Progress, one line each. */
  progress?: (line: string) => void;
  /** A problem, one line each. */
  problem?: (line: string) => void;
  now?: () => number;
}

export interface Imported {
  id: string;
  dir: string;
  status: "draft" | "published";
  notes: string[];
}

export interface ImportReport {
  imported: Imported[];
  skipped: number;
  problems: number;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function write(deps: ImportDeps, result: ImportResult): Imported {
  const dir = writeArticleFolder(deps.contentDir, result);
  for (const note of result.notes) deps.progress?.(`  note: ${note}`);
  return { id: result.draft.id, dir, status: result.draft.status, notes: result.notes };
}

/** A page (HTML) -> a written article. */
function importPage(html: string, deps: ImportDeps, url: string | undefined, extra: SourceMeta, source: string): Imported {
  const page = pageToText(html, url);
  // The page's own metadata first; the feed item fills what the page leaves out.
  const meta: SourceMeta = { ...extra, ...page.meta };
  return write(deps, importText(page.text, meta, { ...options(deps), source }));
}

function options(deps: ImportDeps) {
  return { publish: deps.publish ?? false, ...(deps.id ? { id: deps.id } : {}) };
}

/**
 * Every item of a feed not imported before, each page fetched and imported.
 * `feedKey` names the feed in the store (its URL, or the file's path).
 */
export async function importFeed(xml: string, feedKey: string, deps: ImportDeps): Promise<ImportReport> {
  if (deps.id) throw new Error("--id names one article, and a feed holds many: leave --id out for feeds");
  const report: ImportReport = { imported: [], skipped: 0, problems: 0 };
  const items: FeedItem[] = parseFeedItems(xml);
  deps.progress?.(`feed ${feedKey}: ${items.length} item(s)`);
  for (const item of items) {
    if (deps.store && (await deps.store.hasFeedItem(feedKey, item.key))) {
      report.skipped++;
      continue;
    }
    try {
      const link = new URL(item.link, isUrl(feedKey) ? feedKey : undefined).href;
      deps.progress?.(`fetching ${link}`);
      const page = await fetchText(link);
      const extra: SourceMeta = { url: link, ...(item.title ? { title: item.title } : {}), ...(item.date ? { date: item.date } : {}), ...(item.author ? { author: item.author } : {}) };
      const done = importPage(page.body ?? "", deps, link, extra, link);
      // Remembered only once written: a failure is tried again at the next poll.
      await deps.store?.recordFeedItem(feedKey, item.key, done.id, (deps.now ?? Date.now)());
      deps.progress?.(`imported ${done.id} (${done.status}) from ${link}`);
      report.imported.push(done);
    } catch (err) {
      report.problems++;
      deps.problem?.(`feed item ${item.key}: ${message(err)}`);
    }
  }
  return report;
}

/** One source, as the CLI is given it. Throws (one line) when the source itself cannot be read. */
export async function importSource(source: string, deps: ImportDeps): Promise<ImportReport> {
  if (isUrl(source)) {
    deps.progress?.(`fetching ${source}`);
    const fetched = await fetchText(source);
    const body = fetched.body ?? "";
    if (looksLikeFeed(body, fetched.contentType)) return importFeed(body, source, deps);
    const done = importPage(body, deps, source, { url: source }, source);
    deps.progress?.(`imported ${done.id} (${done.status})`);
    return { imported: [done], skipped: 0, problems: 0 };
  }
  let text: string;
  try {
    text = readFileSync(source, "utf8");
  } catch {
    throw new Error(`${source}: cannot be read (is the file there?)`);
  }
  const ext = extname(source).toLowerCase();
  if ([".xml", ".rss", ".atom"].includes(ext) || looksLikeFeed(text)) {
    return importFeed(text, resolve(source), deps);
  }
  const done =
    ext === ".html" || ext === ".htm"
      ? importPage(text, deps, undefined, {}, source)
      : write(deps, importText(text, {}, { ...options(deps), source }));
  deps.progress?.(`imported ${done.id} (${done.status})`);
  return { imported: [done], skipped: 0, problems: 0 };
}
