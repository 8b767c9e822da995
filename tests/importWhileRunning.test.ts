import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentCopy, type MainProcess, RELOADED, waitUntilWatching } from "./helpers/mainProcess.js";
import { discordReaction, type Peers, startMainOnPeers, startPeers, telegramAsker } from "./helpers/peersProcess.js";
import { runScript } from "./helpers/spawn.js";
import { FIXTURE_DIR, type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";

/**
 * The newsroom's path, end to end: `npm start` runs against the Telegram peer
 * and the fake Discord;
 * `npm run content:import` writes articles (a text file, a page served on
 * 127.0.0.1) into its CONTENT_DIR; Telegram users are answered from them at
 * once, verbatim quotes included, with no restart. A draft is not served.
 */
let peers: Peers;
let http: HttpFixtures;
let bot: MainProcess;
let contentDir: string;
const telegramAsk = (text: string) => telegramAsker(peers, 601, "Dewi")(text);

/** Runs content:import into the running bot's content folder and waits for the bot's reload. */
async function importWhileRunning(args: string[]): Promise<string> {
  const after = bot.output.length;
  const run = await runScript("src/import/cli.ts", args, { env: { CONTENT_DIR: contentDir } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  await bot.waitForOutput(RELOADED, { after, timeoutMs: 15_000 });
  return run.stdout;
}

beforeAll(async () => {
  contentDir = contentCopy();
  http = await startHttpFixtures();
  peers = await startPeers("Import server");
  bot = await startMainOnPeers(peers, { CONTENT_DIR: contentDir });
  await waitUntilWatching(bot, contentDir);
}, 90_000);

afterAll(async () => {
  bot?.cleanup();
  await peers?.stop();
  await http?.close();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("content:import while npm start runs (Telegram and Discord)", () => {
  it("GIVEN a text imported with --publish THEN /articles lists it and a question about its actor is answered with the quote", async () => {
    await importWhileRunning([join(FIXTURE_DIR, "gempa-nusa-selatan.txt"), "--publish", "--id", "2023-11-06-gempa-nusa-selatan"]);
    expect(await telegramAsk("/articles")).toContain("Menteri Luar Negeri Jepang Hiroshi Tanabe menjanjikan bantuan darurat");
    const answer = await telegramAsk("apa kata Jepang?");
    expect(answer).toMatch(/Reaksi Jepang/);
    expect(answer).toContain("Kami berdiri bersama rakyat Nusa Selatan di masa yang sulit ini");
    expect(answer).toContain("Hiroshi Tanabe");
    const embed = await discordReaction(peers, "japan");
    expect(embed.title).toContain("Jepang");
    expect(embed.fields).toContain("Kami berdiri bersama rakyat Nusa Selatan di masa yang sulit ini");
  }, 60_000);

  it("GIVEN a page URL on 127.0.0.1 imported with --publish THEN it is served the same way", async () => {
    await importWhileRunning([`${http.base}/sengketa-nikel.html`, "--publish"]);
    const answer = await telegramAsk("bagaimana reaksi Tiongkok?");
    expect(answer).toMatch(/Reaksi Tiongkok/);
    expect(answer).toContain("sengketa dagang sebaiknya diselesaikan melalui konsultasi yang setara");
  }, 60_000);

  it("GIVEN an import left as a draft THEN the bot does not serve it", async () => {
    const before = await telegramAsk("/articles");
    await importWhileRunning([join(FIXTURE_DIR, "sengketa-nikel.txt"), "--id", "nikel-draft"]);
    expect(await telegramAsk("/articles")).toBe(before);
  }, 60_000);
});
