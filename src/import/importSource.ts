import { readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
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

/**
 * The name a feed's items are remembered under in the store, one form however
 * the feed was given: a URL in its normal form (`HTTP://Host:80/a/../feed.rss`
 * is `http://host/feed.rss`), a file as the file: URL of its absolute path.
 * The CLI and the poller both name feeds through this, so the same feed given
 * two ways is never imported twice.
 */
export function feedKey(source: string): string {
  return isUrl(source) ? new URL(source).href : pathToFileURL(resolve(source)).href;
}

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
 * `source` is the feed as given (a URL or a file path); the store knows it by feedKey(source).
 */
export async function importFeed(xml: string, source: string, deps: ImportDeps): Promise<ImportReport> {
  if (deps.id) throw new Error("--id names one article, and a feed holds many: leave --id out for feeds");
  const report: ImportReport = { imported: [], skipped: 0, problems: 0 };
  const key = feedKey(source);
  // Stores written before feedKey knew a feed by the name it was given (a file by its absolute path): still honoured.
  const earlierKey = isUrl(source) ? source : resolve(source);
  const known = async (itemKey: string) =>
    (await deps.store!.hasFeedItem(key, itemKey)) || (earlierKey !== key && (await deps.store!.hasFeedItem(earlierKey, itemKey)));
  const items: FeedItem[] = parseFeedItems(xml);
  deps.progress?.(`feed ${source}: ${items.length} item(s)`);
  for (const item of items) {
    if (deps.store && (await known(item.key))) {
      report.skipped++;
      continue;
    }
    try {
      // Relative links are read against a feed's URL; a feed file's items must link absolutely.
      const link = new URL(item.link, isUrl(source) ? source : undefined).href;
      deps.progress?.(`fetching ${link}`);
      const page = await fetchText(link);
      const extra: SourceMeta = { url: link, ...(item.title ? { title: item.title } : {}), ...(item.date ? { date: item.date } : {}), ...(item.author ? { author: item.author } : {}) };
      const done = importPage(page.body ?? "", deps, link, extra, link);
      // Remembered only once written: a failure is tried again at the next poll.
      await deps.store?.recordFeedItem(key, item.key, done.id, (deps.now ?? Date.now)());
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
    return importFeed(text, source, deps);
  }
  const done =
    ext === ".html" || ext === ".htm"
      ? importPage(text, deps, undefined, {}, source)
      : write(deps, importText(text, {}, { ...options(deps), source }));
  deps.progress?.(`imported ${done.id} (${done.status})`);
  return { imported: [done], skipped: 0, problems: 0 };
}
