import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFixtureArticle, contentCopy, type MainProcess, RELOADED, RICE, waitUntilWatching } from "./helpers/mainProcess.js";
import { discordReaction, type Peers, startMainOnPeers, startPeers, telegramAsker } from "./helpers/peersProcess.js";

/**
 * Hot reload in the real `npm start` process, Telegram (local peer) and
 * Discord (fake Discord) in one process, on a copy of the content that the
 * test changes while the bot runs. The steps build on each other, in order:
 * a folder added, changed, broken, repaired, removed.
 */
let peers: Peers;
let bot: MainProcess;
let contentDir: string;
const telegramAsk = (text: string) => telegramAsker(peers, 501, "Sari")(text);

const REFUSED = /"msg":"content reload refused; still serving the previous content"[^\n]*\n/;

/** Runs `change` on the content folder and resolves with the log line of the reload (or refusal) it caused. */
async function changeContent(change: () => void, outcome = RELOADED): Promise<string> {
  const after = bot.output.length;
  change();
  return bot.waitForLine(outcome, { after, timeoutMs: 10_000 });
}

beforeAll(async () => {
  contentDir = contentCopy();
  peers = await startPeers("Reload server");
  bot = await startMainOnPeers(peers, { CONTENT_DIR: contentDir });
  await waitUntilWatching(bot, contentDir);
}, 60_000);

afterAll(async () => {
  bot?.cleanup();
  await peers?.stop();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("npm start: content changes while the bot runs, on Telegram and Discord", () => {
  it("GIVEN a new article folder copied in THEN both platforms answer from it, without a restart", async () => {
    const line = await changeContent(() => addFixtureArticle(contentDir, RICE));
    expect(JSON.parse(line).added).toEqual([RICE]);
    expect(await telegramAsk("apa kata India?")).toMatch(/^<b>🇮🇳 Reaksi India<\/b>/);
    // The seed is no longer the newest, and still answers what it covers.
    expect(await telegramAsk("apa kata Prancis?")).toMatch(/^<b>🇫🇷 Reaksi Prancis<\/b>[\s\S]*Kami menganggap Azerbaijan/);
    const discordAnswer = await discordReaction(peers, "filipina");
    expect(discordAnswer.title).toContain("Filipina");
    expect(discordAnswer.footer).toContain("Budi Hartono");
  });

  it("GIVEN an article's file edited THEN the edit is served", async () => {
    const file = join(contentDir, RICE, "article.yaml");
    await changeContent(() =>
      writeFileSync(file, readFileSync(file, "utf8").replace("Filipina mengalihkan pembelian beras", "Filipina memindahkan pembelian beras")),
    );
    expect(await telegramAsk("/reaction filipina")).toContain("Filipina memindahkan pembelian beras");
  });

  it("GIVEN a broken edit THEN it is refused with one line naming the file and field, and the previous content keeps serving", async () => {
    const file = join(contentDir, RICE, "article.yaml");
    const good = readFileSync(file, "utf8");
    const line = await changeContent(() => writeFileSync(file, good.replace("Kami tidak akan membiarkan", "Kami tak akan membiarkan")), REFUSED);
    expect(JSON.parse(line).problem).toMatch(/2023-11-02-rice-exports\/article\.yaml: actors\.philippines\.quotes\[0\]\.text: is not verbatim/);
    expect(bot.output).not.toMatch(/\n\s+at /);
    expect(await telegramAsk("/reaction filipina")).toContain("Kami tidak akan membiarkan rak-rak pasar kosong");
    expect((await discordReaction(peers, "india")).title).toContain("India");
    await changeContent(() => writeFileSync(file, good));
  });

  it("GIVEN an article folder removed THEN it is no longer served and the seed is the newest again", async () => {
    const line = await changeContent(() => rmSync(join(contentDir, RICE), { recursive: true }));
    expect(JSON.parse(line).removed).toEqual([RICE]);
    expect(await telegramAsk("/reaction india")).not.toMatch(/Reaksi India/);
    expect((await discordReaction(peers, "france")).title).toContain("Prancis");
  });
});
