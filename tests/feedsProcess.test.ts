import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentCopy, type MainProcess, startMain } from "./helpers/mainProcess.js";
import { type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";

/**
 * FEEDS in the real `npm start` process (the console chat, kept open by a
 * pipe): a feed served on 127.0.0.1 is imported and published while the bot
 * runs, answered from at once, and not imported again after a restart on the
 * same store and content.
 */
let http: HttpFixtures;
let contentDir: string;
let dataDir: string;
let bot: MainProcess | undefined;

const POLLED = /"msg":"feeds polled"[^\n]*\n/;

function start(): MainProcess {
  return startMain(
    { CONTENT_DIR: contentDir, DATA_DIR: dataDir, FEEDS: `${http.base}/feed.rss`, FEED_AUTO_PUBLISH: "true", LOG_LEVEL: "info" },
    { stdin: "pipe" },
  );
}

/** The JSON of the first "feeds polled" line after `after`. */
async function nextPoll(process: MainProcess, after = 0): Promise<Record<string, unknown>> {
  return JSON.parse(await process.waitForLine(POLLED, { after, timeoutMs: 30_000 })) as Record<string, unknown>;
}

beforeAll(async () => {
  http = await startHttpFixtures();
  contentDir = contentCopy();
  dataDir = mkdtempSync(join(tmpdir(), "kabar-feeds-main-"));
});

afterAll(async () => {
  bot?.cleanup();
  await http.close();
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start with FEEDS", () => {
  it("GIVEN a feed with two new items THEN both are imported, published and answered from without a restart", async () => {
    bot = start();
    const poll = await nextPoll(bot);
    expect(poll).toMatchObject({ problems: 0 });
    expect(poll.imported).toHaveLength(2);
    expect(readdirSync(contentDir).sort()).toHaveLength(3);
    const after = bot.output.length;
    bot.writeLine("apa kata WHO?");
    const answer = await bot.waitForOutput(/Tarik Lindholm/, { after, timeoutMs: 15_000 });
    expect(answer).toContain("Reaksi WHO");
    expect(answer).toContain("“Air bersih dan sanitasi adalah prioritas utama dalam beberapa hari ke depan");
  }, 60_000);

  it("GIVEN a restart on the same store and content THEN the feed's items are not imported again", async () => {
    bot!.child.kill("SIGTERM");
    await bot!.exited;
    const pagesBefore = http.requests.filter((r) => r.path.endsWith(".html")).length;
    bot = start();
    const poll = await nextPoll(bot);
    expect(poll).toMatchObject({ imported: [], problems: 0 });
    expect(http.requests.filter((r) => r.path.endsWith(".html")).length).toBe(pagesBefore);
    expect(readdirSync(contentDir)).toHaveLength(3);
  }, 60_000);
});
