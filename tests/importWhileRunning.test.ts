import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentCopy, type MainProcess, startMain } from "./helpers/mainProcess.js";
import { PERMISSIONS, snowflake } from "./peers/discordPayloads.js";
import { FakeDiscord, type RecordedRequest } from "./peers/fakeDiscord.js";
import { runScript } from "./helpers/spawn.js";
import { FIXTURE_DIR, type HttpFixtures, startHttpFixtures } from "./peers/httpFixtures.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * The newsroom's path, end to end: `npm start` runs against the Telegram peer
 * and the fake Discord;
 * `npm run content:import` writes articles (a text file, a page served on
 * 127.0.0.1) into its CONTENT_DIR; Telegram users are answered from them at
 * once, verbatim quotes included, with no restart. A draft is not served.
 */
const guildId = snowflake();
const channelId = snowflake();
const discord = new FakeDiscord({ guilds: [{ id: guildId, name: "Import server", channels: [channelId] }] });
const place = { guildId, channelId, user: { id: snowflake(), username: "editor" }, permissions: PERMISSIONS.viewAndSend, locale: "id" };
let peer: TelegramPeer;
let http: HttpFixtures;
let bot: MainProcess;
let contentDir: string;

const RELOADED = /"msg":"content reloaded"[^\n]*\n/;

async function telegramAsk(text: string): Promise<string> {
  const msg = await peer.nextMessage(601, () => peer.user({ userId: 601, firstName: "Dewi", languageCode: "id" }).send(text));
  return String(msg.payload.text);
}

async function discordReaction(actor: string): Promise<{ title: string; fields: string }> {
  const sent = discord.slashCommand(place, { name: "reaction", options: [{ name: "actor", value: actor }] });
  const { body } = await discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
  const embed = body.data.embeds[0];
  return { title: String(embed.title), fields: JSON.stringify(embed.fields ?? []) };
}

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
  peer = await startTelegramPeer();
  http = await startHttpFixtures();
  await discord.start();
  bot = startMain({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: peer.apiRoot,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.apiBase,
    CONTENT_DIR: contentDir,
    LOG_LEVEL: "info",
  });
  await Promise.all([peer.waitForCall("getUpdates", { includePending: true, timeoutMs: 40_000 }), discord.waitForReady(40_000)]);
  // Node 20 sets up a recursive watch on Linux asynchronously: touch the folder until a reload proves it is live.
  for (let i = 0; ; i++) {
    const after = bot.output.length;
    writeFileSync(join(contentDir, "README.txt"), `not an article ${i}\n`);
    try {
      await bot.waitForOutput(RELOADED, { after, timeoutMs: 2_000 });
      break;
    } catch (err) {
      if (i >= 20) throw err;
    }
  }
}, 90_000);

afterAll(async () => {
  bot?.cleanup();
  await peer?.stop();
  await http?.close();
  await discord.stop();
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
    const embed = await discordReaction("japan");
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
