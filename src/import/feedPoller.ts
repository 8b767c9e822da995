import cron from "node-cron";
import type { Logger } from "../core/log.js";
import type { Leadership, Role } from "../store/leadership.js";
import type { SubscriptionStore } from "../store/types.js";
import { fetchText, type Validators } from "./fetchText.js";
import { importFeed } from "./importSource.js";

/**
 * FEEDS polled while the bot runs. Each poll is a conditional GET per feed
 * (ETag / Last-Modified of the last answer, kept in memory: a restart costs one
 * full download); items not yet in the store are imported once, published or
 * left as drafts (FEED_AUTO_PUBLISH). A failing feed or page is logged and
 * tried again at the next poll; nothing here stops the bot. With several
 * instances on one database, only the holder of the "feeds" role polls.
 */
export interface FeedPollerOptions {
  feeds: readonly string[];
  /** A cron expression (FEED_POLL). */
  schedule: string;
  autoPublish: boolean;
  contentDir: string;
  store: Pick<SubscriptionStore, "hasFeedItem" | "recordFeedItem">;
  /** Leadership's "feeds" role; without one this instance always polls. */
  role?: Role;
  logger?: Logger;
  /** After a poll wrote articles: reload the content at once rather than wait for the watcher. */
  onImported?: (ids: string[]) => void;
  /** Replaces node-cron in tests: calls `tick` on their own schedule. */
  trigger?: (tick: () => void) => { stop(): void };
  now?: () => number;
}

export interface PollReport {
  imported: string[];
  /** Feeds answered 304 Not Modified. */
  unchanged: number;
  problems: number;
}

export class FeedPoller {
  private readonly validators = new Map<string, Validators>();
  private trigger: { stop(): void } | undefined;
  private running: Promise<PollReport> | undefined;
  private stopped = false;

  constructor(private readonly options: FeedPollerOptions) {}

  /** Starts polling on the schedule, with a first poll at once (new items need not wait for the first slot). */
  start(): void {
    const { schedule, trigger } = this.options;
    const tick = () => void this.poll();
    this.trigger = trigger ? trigger(tick) : cron.schedule(schedule, tick, { name: "kabar-feeds" });
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.trigger?.stop();
    await this.running;
  }

  /** One poll of every feed; overlapping polls are skipped, never stacked. Never throws. */
  poll(): Promise<PollReport> {
    if (this.running) return this.running;
    if (this.stopped || (this.options.role && !this.options.role.leading)) return Promise.resolve({ imported: [], unchanged: 0, problems: 0 });
    this.running = this.pollAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pollAll(): Promise<PollReport> {
    const report: PollReport = { imported: [], unchanged: 0, problems: 0 };
    for (const feed of this.options.feeds) {
      if (this.stopped) break;
      await this.pollFeed(feed, report).catch((err: unknown) => {
        report.problems++;
        this.options.logger?.warn({ feed, problem: err instanceof Error ? err.message : String(err) }, "feed poll failed; tried again at the next poll");
      });
    }
    this.options.logger?.info({ feeds: this.options.feeds.length, ...report }, "feeds polled");
    if (report.imported.length > 0) this.options.onImported?.(report.imported);
    return report;
  }

  private async pollFeed(feed: string, report: PollReport): Promise<void> {
    const { logger } = this.options;
    const fetched = await fetchText(feed, this.validators.get(feed) ?? {});
    if (fetched.status === 304) {
      report.unchanged++;
      return;
    }
    let problems = 0;
    const result = await importFeed(fetched.body ?? "", feed, {
      contentDir: this.options.contentDir,
      store: this.options.store,
      publish: this.options.autoPublish,
      problem: (line) => {
        problems++;
        logger?.warn({ feed, problem: line }, "feed item not imported; tried again at the next poll");
      },
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    for (const a of result.imported) {
      logger?.info({ feed, article: a.id, status: a.status }, a.status === "draft" ? "feed item imported as a draft (set status: published to serve it)" : "feed item imported and published");
      report.imported.push(a.id);
    }
    report.problems += problems;
    // Remember the validators only when every item went in: otherwise a 304 would hide the failed ones until the feed changes.
    if (problems === 0) this.validators.set(feed, { ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}) });
  }
}

/** The poller `npm start` runs, or undefined when FEEDS is empty. */
export function feedPollerFromConfig(
  config: { FEEDS: string[]; FEED_POLL: string; FEED_AUTO_PUBLISH: boolean; CONTENT_DIR: string },
  deps: { store: SubscriptionStore; leadership?: Leadership; logger?: Logger; onImported?: (ids: string[]) => void },
): FeedPoller | undefined {
  if (config.FEEDS.length === 0) return undefined;
  const role = deps.leadership?.acquire("feeds");
  const poller = new FeedPoller({
    feeds: config.FEEDS,
    schedule: config.FEED_POLL,
    autoPublish: config.FEED_AUTO_PUBLISH,
    contentDir: config.CONTENT_DIR,
    store: deps.store,
    ...(role ? { role } : {}),
    ...(deps.logger ? { logger: deps.logger.child({ part: "feeds" }) } : {}),
    ...(deps.onImported ? { onImported: deps.onImported } : {}),
  });
  // Taking the role over from another instance: poll at once rather than at the next slot.
  role?.onChange((leading) => {
    if (leading) void poller.poll();
  });
  return poller;
}
