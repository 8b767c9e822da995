import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllArticles } from "../src/content/loader.js";
import { parseFeedItems } from "../src/import/feed.js";
import { looksLikeFeed } from "../src/import/fetchText.js";
import { feedKey, importSource } from "../src/import/importSource.js";
import { FeedPoller } from "../src/import/feedPoller.js";
import { pageToText } from "../src/import/page.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { FIXTURE_DIR, type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";

const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), "utf8");
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe("import edge: a page's HTML -> text and metadata", () => {
  it("GIVEN the fixture page THEN the main text is the article's text, navigation and sidebars left out", () => {
    expect(pageToText(fixture("gempa-nusa-selatan.html")).text).toBe(fixture("gempa-nusa-selatan.txt"));
  });

  it("GIVEN the fixture page THEN title, author, date, outlet and address come from its metadata", () => {
    expect(pageToText(fixture("sengketa-nikel.html")).meta).toEqual({
      title: "Indonesia tolak putusan WTO soal nikel, Uni Eropa dan Tiongkok bereaksi",
      author: "Dimas Prasetyo",
      date: "2024-03-14T18:05:00+07:00",
      outlet: "Warta Niaga",
      url: "https://wartaniaga.example/ekonomi/sengketa-nikel",
    });
  });

  it("GIVEN a page with only JSON-LD metadata THEN it is read from there", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Judul","datePublished":"2024-01-02","author":{"name":"Ani"},"publisher":{"name":"Contoh"}}</script></head>
      <body><article><p>Jepang menjanjikan bantuan bagi para korban banjir di seluruh wilayah terdampak pada hari ini.</p></article></body></html>`;
    expect(pageToText(html).meta).toMatchObject({ title: "Judul", date: "2024-01-02", author: "Ani", outlet: "Contoh" });
  });
});

describe("import edge: the name a feed is remembered by", () => {
  it.each([
    ["http://127.0.0.1:8080/feed.rss", "http://127.0.0.1:8080/feed.rss"],
    ["HTTP://News.Example:80/a/../feed.rss", "http://news.example/feed.rss"],
    ["https://news.example", "https://news.example/"],
  ])("GIVEN the URL %s THEN it is known as %s", (source, key) => {
    expect(feedKey(source)).toBe(key);
  });

  it("GIVEN a file by a relative or an absolute path THEN both are the file: URL of the absolute path", () => {
    const absolute = join(process.cwd(), "tests/fixtures/articles/feed.rss");
    expect(feedKey("tests/fixtures/articles/feed.rss")).toBe(pathToFileURL(absolute).href);
    expect(feedKey(absolute)).toBe(pathToFileURL(absolute).href);
  });
});

describe("import edge: feeds -> items", () => {
  it("GIVEN the RSS fixture THEN each item's key is its guid, else its link", () => {
    expect(parseFeedItems(fixture("feed.rss")).map((i) => i.key)).toEqual(["kabarnusa-2023-11-06-gempa", "{{BASE}}/sengketa-nikel.html"]);
  });

  it("GIVEN the Atom fixture THEN each entry's key is its id, with its link, date and author", () => {
    expect(parseFeedItems(fixture("feed.atom"))[0]).toEqual({
      key: "urn:kabarnusa:2023-11-06-gempa",
      link: "{{BASE}}/gempa-nusa-selatan.html",
      title: "Jepang, Uni Eropa dan WHO bergerak bantu korban gempa Nusa Selatan",
      date: "2023-11-06T08:20:00Z",
      author: "Rina Puspitasari",
    });
  });

  it("GIVEN HTML THEN it is not taken for a feed; GIVEN RSS or Atom THEN it is", () => {
    expect(looksLikeFeed(fixture("gempa-nusa-selatan.html"))).toBe(false);
    expect(looksLikeFeed(fixture("feed.rss"))).toBe(true);
    expect(looksLikeFeed(fixture("feed.atom"))).toBe(true);
  });

  it("GIVEN something that is not a feed THEN one line says so", () => {
    expect(() => parseFeedItems("<html></html>")).toThrow(/not an RSS or Atom feed/);
  });
});

describe("importing sources over HTTP from 127.0.0.1", () => {
  let http: HttpFixtures;
  beforeAll(async () => {
    http = await startHttpFixtures();
  });
  afterAll(async () => {
    await http.close();
  });

  function setup() {
    const contentDir = tempDir("kabar-import-content-");
    const store = SqliteSubscriptionStore.openInDir(tempDir("kabar-import-data-"));
    const problems: string[] = [];
    return { contentDir, store, problems, deps: { contentDir, store, problem: (l: string) => void problems.push(l) } };
  }

  it("GIVEN a page URL THEN one draft article with the page's address and title", async () => {
    const { contentDir, deps } = setup();
    const report = await importSource(`${http.base}/gempa-nusa-selatan.html`, deps);
    expect(report.imported.map((a) => a.status)).toEqual(["draft"]);
    const [article] = loadAllArticles(contentDir, contentDir);
    expect(article).toMatchObject({ status: "draft", url: "https://kabarnusa.example/internasional/gempa-nusa-selatan", eventsDate: "2023-11-06" });
    expect(article!.title.id).toBe("Jepang, Uni Eropa dan WHO bergerak bantu korban gempa Nusa Selatan");
    expect(article!.actors.map((a) => a.id)).toEqual(["japan", "eu", "who"]);
  });

  it.each(["feed.rss", "feed.atom"])("GIVEN the %s feed URL THEN every item is imported, and a second run imports none", async (feed) => {
    const { contentDir, deps, problems } = setup();
    const first = await importSource(`${http.base}/${feed}`, deps);
    expect(problems).toEqual([]);
    expect(first.imported).toHaveLength(2);
    expect(loadAllArticles(contentDir, contentDir).map((a) => a.eventsDate).sort()).toEqual(["2023-11-06", "2024-03-14"]);
    const second = await importSource(`${http.base}/${feed}`, deps);
    expect([second.imported.length, second.skipped]).toEqual([0, 2]);
    expect(readdirSync(contentDir)).toHaveLength(2);
  });

  it("GIVEN --publish THEN the feed's articles are published", async () => {
    const { contentDir, deps } = setup();
    await importSource(`${http.base}/feed.rss`, { ...deps, publish: true });
    expect(loadAllArticles(contentDir, contentDir).map((a) => a.status)).toEqual(["published", "published"]);
  });

  it("GIVEN a feed file THEN its items' pages are fetched and imported", async () => {
    const { contentDir, deps } = setup();
    const file = join(tempDir("kabar-feed-file-"), "berita.atom");
    writeFileSync(file, fixture("feed.atom").replaceAll("{{BASE}}", http.base));
    const report = await importSource(file, deps);
    expect(report.imported).toHaveLength(2);
    expect(loadAllArticles(contentDir, contentDir)).toHaveLength(2);
  });

  it("GIVEN a feed file imported by its relative path THEN the same file by its absolute path imports nothing again", async () => {
    const { contentDir, deps } = setup();
    const file = join(tempDir("kabar-feed-file-"), "berita.rss");
    writeFileSync(file, fixture("feed.rss").replaceAll("{{BASE}}", http.base));
    expect((await importSource(relative(process.cwd(), file), deps)).imported).toHaveLength(2);
    expect(await importSource(file, deps)).toMatchObject({ imported: [], skipped: 2, problems: 0 });
  });

  it("GIVEN a feed file whose items a store remembers under the file's path (before feedKey) THEN they are not imported again", async () => {
    const { contentDir, store, deps } = setup();
    const file = join(tempDir("kabar-feed-file-"), "berita.rss");
    writeFileSync(file, fixture("feed.rss").replaceAll("{{BASE}}", http.base));
    for (const key of ["kabarnusa-2023-11-06-gempa", `${http.base}/sengketa-nikel.html`]) await store.recordFeedItem(file, key, "earlier", 0);
    expect(await importSource(file, deps)).toMatchObject({ imported: [], skipped: 2, problems: 0 });
    expect(readdirSync(contentDir)).toEqual([]);
  });

  it("GIVEN a feed URL imported by content:import THEN the poller given the same feed spelled otherwise imports none of its items", async () => {
    const { contentDir, store, deps } = setup();
    expect((await importSource(`${http.base}/feed.rss`, deps)).imported).toHaveLength(2);
    const port = new URL(http.base).port;
    const poller = new FeedPoller({
      feeds: [`HTTP://127.0.0.1:${port}/news/../feed.rss`],
      schedule: "*/10 * * * *",
      autoPublish: false,
      contentDir,
      store,
      trigger: () => ({ stop() {} }),
    });
    expect(await poller.poll()).toEqual({ imported: [], unchanged: 0, problems: 0 });
    expect(readdirSync(contentDir)).toHaveLength(2);
  });

  it("GIVEN an item whose page fails THEN one line says so, the others are imported, and the next run imports it", async () => {
    const { contentDir, deps, problems } = setup();
    http.failPath("/sengketa-nikel.html", 503);
    const first = await importSource(`${http.base}/feed.rss`, deps);
    http.failPath("/sengketa-nikel.html", undefined);
    expect(first.imported).toHaveLength(1);
    expect(problems).toEqual([`feed item ${http.base}/sengketa-nikel.html: cannot fetch ${http.base}/sengketa-nikel.html: HTTP 503`]);
    const second = await importSource(`${http.base}/feed.rss`, deps);
    expect([second.imported.length, second.skipped]).toEqual([1, 1]);
    expect(readdirSync(contentDir)).toHaveLength(2);
  });

  it("GIVEN --id with a feed THEN one line says a feed holds many articles", async () => {
    const { deps } = setup();
    await expect(importSource(`${http.base}/feed.rss`, { ...deps, id: "satu-artikel" })).rejects.toThrow(/feed holds many/);
  });

  it("GIVEN a URL that answers 404 THEN one line names the address and the status", async () => {
    const { deps } = setup();
    await expect(importSource(`${http.base}/no-such-page.html`, deps)).rejects.toThrow(`cannot fetch ${http.base}/no-such-page.html: HTTP 404`);
  });
});
