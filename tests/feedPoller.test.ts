import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllArticles } from "../src/content/loader.js";
import { FeedPoller } from "../src/import/feedPoller.js";
import { LocalLeadership } from "../src/store/leadership.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { recordingLogger } from "./helpers/core.js";
import { type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";

let http: HttpFixtures;
beforeAll(async () => {
  http = await startHttpFixtures();
});
afterAll(async () => {
  await http.close();
});

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A poller on a fresh content folder and store, polled by hand (the test is the clock). */
function setup(options: { autoPublish?: boolean; feeds?: string[]; dataDir?: string; contentDir?: string } = {}) {
  const contentDir = options.contentDir ?? tempDir("kabar-feeds-content-");
  const dataDir = options.dataDir ?? tempDir("kabar-feeds-data-");
  const store = SqliteSubscriptionStore.openInDir(dataDir);
  const log = recordingLogger();
  const reloaded: string[][] = [];
  const poller = new FeedPoller({
    feeds: options.feeds ?? [`${http.base}/feed.rss`],
    schedule: "*/10 * * * *",
    autoPublish: options.autoPublish ?? false,
    contentDir,
    store,
    logger: log.logger,
    onImported: (ids) => void reloaded.push(ids),
    trigger: () => ({ stop() {} }),
  });
  return { poller, store, contentDir, dataDir, log, reloaded };
}

const requestsFor = (path: string) => http.requests.filter((r) => r.path === path);

describe("feeds while the bot runs", () => {
  it("GIVEN a feed with two new items THEN both are imported as drafts, one log line each", async () => {
    const { poller, contentDir, log } = setup();
    const report = await poller.poll();
    expect(report).toMatchObject({ unchanged: 0, problems: 0 });
    expect(report.imported).toHaveLength(2);
    expect(loadAllArticles(contentDir, contentDir).map((a) => a.status)).toEqual(["draft", "draft"]);
    const lines = log.lines().filter((l) => l.msg === "feed item imported as a draft (set status: published to serve it)");
    expect(lines.map((l) => l.article)).toEqual(report.imported);
  });

  it("GIVEN FEED_AUTO_PUBLISH THEN the items are published and the content is reloaded once", async () => {
    const { poller, contentDir, reloaded } = setup({ autoPublish: true });
    const report = await poller.poll();
    expect(loadAllArticles(contentDir, contentDir).map((a) => a.status)).toEqual(["published", "published"]);
    expect(reloaded).toEqual([report.imported]);
  });

  it("GIVEN a second poll of an unchanged feed THEN it is a conditional GET answered 304, and nothing is imported", async () => {
    const { poller } = setup({ feeds: [`${http.base}/feed.atom`] });
    await poller.poll();
    const before = requestsFor("/feed.atom").length;
    const report = await poller.poll();
    const [second] = requestsFor("/feed.atom").slice(before);
    expect(second).toMatchObject({ status: 304 });
    expect(second!.ifNoneMatch).toMatch(/^"[0-9a-f]+"$/);
    expect(report).toEqual({ imported: [], unchanged: 1, problems: 0 });
  });

  it("GIVEN a restart (a new poller on the same store and content) THEN no item is imported twice", async () => {
    const first = setup({ feeds: [`${http.base}/feed.rss`] });
    await first.poller.poll();
    first.store.close();
    const pagesBefore = requestsFor("/gempa-nusa-selatan.html").length;
    const again = setup({ feeds: [`${http.base}/feed.rss`], dataDir: first.dataDir, contentDir: first.contentDir });
    const report = await again.poller.poll();
    expect(report).toEqual({ imported: [], unchanged: 0, problems: 0 });
    expect(requestsFor("/gempa-nusa-selatan.html").length).toBe(pagesBefore);
    expect(readdirSync(first.contentDir)).toHaveLength(2);
  });

  it("GIVEN the feed fails THEN the poll logs one line and does not throw; the next poll imports", async () => {
    const { poller, log } = setup({ feeds: [`${http.base}/feed.rss`] });
    http.failPath("/feed.rss", 500);
    const failed = await poller.poll();
    http.failPath("/feed.rss", undefined);
    expect(failed).toEqual({ imported: [], unchanged: 0, problems: 1 });
    expect(log.lines().find((l) => l.msg === "feed poll failed; tried again at the next poll")).toMatchObject({ problem: `cannot fetch ${http.base}/feed.rss: HTTP 500` });
    expect((await poller.poll()).imported).toHaveLength(2);
  });

  it("GIVEN an unreachable feed THEN the poll reports it and the other feeds still import", async () => {
    const { poller } = setup({ feeds: ["http://127.0.0.1:1/feed.rss", `${http.base}/feed.rss`] });
    const report = await poller.poll();
    expect(report.problems).toBe(1);
    expect(report.imported).toHaveLength(2);
  });

  it("GIVEN one item's page fails THEN the feed's validators are not kept, so the next poll fetches it in full and imports the item", async () => {
    const { poller } = setup({ feeds: [`${http.base}/feed.atom`] });
    http.failPath("/sengketa-nikel.html", 502);
    const first = await poller.poll();
    http.failPath("/sengketa-nikel.html", undefined);
    expect([first.imported.length, first.problems]).toEqual([1, 1]);
    const before = requestsFor("/feed.atom").length;
    const second = await poller.poll();
    expect(requestsFor("/feed.atom").slice(before)[0]).toMatchObject({ status: 200 });
    expect(second.imported).toHaveLength(1);
  });

  it("GIVEN another instance leads the feeds role THEN this one does not poll", async () => {
    const leadership = new LocalLeadership();
    const role = leadership.acquire("feeds");
    await role.release();
    const contentDir = tempDir("kabar-feeds-content-");
    const poller = new FeedPoller({
      feeds: [`${http.base}/feed.rss?follower`],
      schedule: "*/10 * * * *",
      autoPublish: false,
      contentDir,
      store: SqliteSubscriptionStore.openInDir(tempDir("kabar-feeds-data-")),
      role,
      trigger: () => ({ stop() {} }),
    });
    const before = http.requests.length;
    expect(await poller.poll()).toEqual({ imported: [], unchanged: 0, problems: 0 });
    expect(http.requests.length).toBe(before);
  });

  it("GIVEN a poll in progress THEN a second tick waits for it instead of starting another", async () => {
    const { poller } = setup();
    const [a, b] = [poller.poll(), poller.poll()];
    expect(a).toBe(b);
    await a;
  });
});
