import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentCopy, type MainProcess, RELOADED, waitUntilWatching } from "./helpers/mainProcess.js";
import { discordCommand, discordReaction, type Peers, startMainOnPeers, startPeers, telegramAsker } from "./helpers/peersProcess.js";
import { FIXTURE_DIR, type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";

/**
 * FEEDS in the real `npm start` process with Telegram (local peer) and
 * Discord (fake Discord) in one process, the feed and its pages served on
 * 127.0.0.1. The feed starts empty; an item appears while the bot runs; it is
 * imported and published once, the content reloaded once, and both platforms
 * answer from it. After a restart on the same store and content the item is
 * neither fetched nor imported again, and is still served, once.
 * The steps build on each other, in order.
 */
const TITLE = "Jepang, Uni Eropa dan WHO bergerak bantu korban gempa Nusa Selatan";
const QUOTE = "Kami berdiri bersama rakyat Nusa Selatan di masa yang sulit ini";
const PAGE = "/gempa-nusa-selatan.html";

let http: HttpFixtures;
let peers: Peers;
let bot: MainProcess;
let contentDir: string;
let dataDir: string;
let imported: string;
const telegramAsk = (text: string) => telegramAsker(peers, 701, "Wulan")(text);

/** The fixture RSS feed with only its items matching `keep` (none: an empty channel). */
function feedWith(keep: (item: string) => boolean): string {
  const xml = readFileSync(join(FIXTURE_DIR, "feed.rss"), "utf8").replaceAll("{{BASE}}", http.base);
  return xml.replace(/\s*<item>[\s\S]*?<\/item>/g, (item) => (keep(item) ? item : ""));
}

const POLLED = /"msg":"feeds polled"[^\n]*\n/;
const json = (line: string) => JSON.parse(line) as Record<string, unknown>;
const logLines = (text: string, msg: string) => text.split("\n").filter((l) => l.includes(`"msg":"${msg}"`));

function startBot(): Promise<MainProcess> {
  return startMainOnPeers(peers, {
    CONTENT_DIR: contentDir,
    DATA_DIR: dataDir,
    FEEDS: `${http.base}/news.rss`,
    // Every second (node-cron's seconds field), so an item added to the feed is seen within about a second.
    FEED_POLL: "* * * * * *",
    FEED_AUTO_PUBLISH: "true",
    // Debug: the watcher's "content unchanged" line shows it saw the import and did not reload it again.
    LOG_LEVEL: "debug",
  });
}

beforeAll(async () => {
  http = await startHttpFixtures();
  http.setBody("/news.rss", feedWith(() => false));
  contentDir = contentCopy();
  dataDir = mkdtempSync(join(tmpdir(), "kabar-feeds-peers-"));
  peers = await startPeers("Feeds server");
  bot = await startBot();
  expect(json(await bot.waitForLine(POLLED, { timeoutMs: 15_000 }))).toMatchObject({ imported: [], problems: 0 });
  await waitUntilWatching(bot, contentDir);
}, 90_000);

afterAll(async () => {
  bot?.cleanup();
  await peers?.stop();
  await http?.close();
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start with FEEDS, on Telegram and Discord", () => {
  it("GIVEN an item added to the feed while the bot runs THEN it is imported and reloaded once, and /articles on both platforms lists it", async () => {
    expect(await telegramAsk("/articles")).not.toContain(TITLE);
    const after = bot.output.length;
    http.setBody("/news.rss", feedWith((item) => item.includes(PAGE)));
    const importLine = json(await bot.waitForLine(/"msg":"feed item imported and published"[^\n]*\n/, { after, timeoutMs: 15_000 }));
    imported = String(importLine.article);
    const reload = json(await bot.waitForLine(RELOADED, { after, timeoutMs: 10_000 }));
    expect(reload.added).toEqual([imported]);
    // The watcher sees the same new folder: it finds the content already loaded and loads nothing again.
    await bot.waitForOutput(/"msg":"content unchanged since the last load; not reloaded"/, { after, timeoutMs: 10_000 });
    expect(logLines(bot.output.slice(after), "content reloaded")).toHaveLength(1);
    expect(await telegramAsk("/articles")).toContain(TITLE);
    const discordList = await discordCommand(peers, "articles");
    expect(discordList.data.embeds[0].fields[0].name).toContain(TITLE);
  }, 60_000);

  it("GIVEN the imported item THEN a question about its actor is answered from it, verbatim quote included, on both platforms", async () => {
    const answer = await telegramAsk("apa kata Jepang?");
    expect(answer).toMatch(/Reaksi Jepang/);
    expect(answer).toContain(QUOTE);
    expect(answer).toContain("Hiroshi Tanabe");
    const embed = await discordReaction(peers, "japan");
    expect(embed.title).toContain("Jepang");
    expect(embed.fields).toContain(QUOTE);
  }, 30_000);

  it("GIVEN a restart on the same store and content THEN the item is neither fetched nor imported again, and is still served once", async () => {
    const folders = readdirSync(contentDir).sort();
    bot.child.kill("SIGTERM");
    await bot.exited;
    const pageFetches = http.requests.filter((r) => r.path === PAGE).length;
    bot = await startBot();
    const poll = json(await bot.waitForLine(POLLED, { timeoutMs: 15_000 }));
    expect(poll).toMatchObject({ imported: [], unchanged: 0, problems: 0 });
    expect(http.requests.filter((r) => r.path === PAGE)).toHaveLength(pageFetches);
    expect(readdirSync(contentDir).sort()).toEqual(folders);
    const list = await telegramAsk("/articles");
    expect(list.split(TITLE)).toHaveLength(2);
    expect((await discordReaction(peers, "japan")).fields).toContain(QUOTE);
  }, 60_000);
});
