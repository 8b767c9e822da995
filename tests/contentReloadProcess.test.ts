import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, snowflake } from "./peers/discordPayloads.js";
import { FakeDiscord, type RecordedRequest } from "./peers/fakeDiscord.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";
import { addFixtureArticle, contentCopy, type MainProcess, RICE, startMain } from "./helpers/mainProcess.js";

/**
 * Hot reload in the real `npm start` process, Telegram (local peer) and
 * Discord (fake Discord) in one process, on a copy of the content that the
 * test changes while the bot runs. The steps build on each other, in order:
 * a folder added, changed, broken, repaired, removed.
 */
const guildId = snowflake();
const channelId = snowflake();
const discord = new FakeDiscord({ guilds: [{ id: guildId, name: "Reload server", channels: [channelId] }] });
const place = { guildId, channelId, user: { id: snowflake(), username: "reader" }, permissions: PERMISSIONS.viewAndSend, locale: "id" };
let peer: TelegramPeer;
let bot: MainProcess;
let contentDir: string;

const RELOADED = /"msg":"content reloaded"[^\n]*\n/;
const REFUSED = /"msg":"content reload refused; still serving the previous content"[^\n]*\n/;

/** Runs `change` on the content folder and resolves with the log line of the reload (or refusal) it caused. */
async function changeContent(change: () => void, outcome = RELOADED): Promise<string> {
  const after = bot.output.length;
  change();
  const text = await bot.waitForOutput(outcome, { after, timeoutMs: 10_000 });
  return text.split("\n").filter(Boolean).at(-1)!;
}

async function telegramAsk(text: string): Promise<string> {
  const msg = await peer.nextMessage(501, () => peer.user({ userId: 501, firstName: "Sari", languageCode: "id" }).send(text));
  return String(msg.payload.text);
}

async function discordReaction(actor: string): Promise<{ title: string; footer: string }> {
  const sent = discord.slashCommand(place, { name: "reaction", options: [{ name: "actor", value: actor }] });
  const { body } = await discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
  const embed = body.data.embeds[0];
  return { title: String(embed.title), footer: String(embed.footer?.text ?? "") };
}

beforeAll(async () => {
  contentDir = contentCopy();
  peer = await startTelegramPeer();
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
    try {
      await changeContent(() => writeFileSync(join(contentDir, "README.txt"), `not an article ${i}\n`));
      break;
    } catch (err) {
      if (i >= 20) throw err;
    }
  }
}, 60_000);

afterAll(async () => {
  bot?.cleanup();
  await peer?.stop();
  await discord.stop();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("npm start: content changes while the bot runs, on Telegram and Discord", () => {
  it("GIVEN a new article folder copied in THEN both platforms answer from it, without a restart", async () => {
    const line = await changeContent(() => addFixtureArticle(contentDir, RICE));
    expect(JSON.parse(line).added).toEqual([RICE]);
    expect(await telegramAsk("apa kata India?")).toMatch(/^<b>🇮🇳 Reaksi India<\/b>/);
    // The seed is no longer the newest, and still answers what it covers.
    expect(await telegramAsk("apa kata Prancis?")).toMatch(/^<b>🇫🇷 Reaksi Prancis<\/b>[\s\S]*Kami menganggap Azerbaijan/);
    const discordAnswer = await discordReaction("filipina");
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
    expect((await discordReaction("india")).title).toContain("India");
    await changeContent(() => writeFileSync(file, good));
  });

  it("GIVEN an article folder removed THEN it is no longer served and the seed is the newest again", async () => {
    const line = await changeContent(() => rmSync(join(contentDir, RICE), { recursive: true }));
    expect(JSON.parse(line).removed).toEqual([RICE]);
    expect(await telegramAsk("/reaction india")).not.toMatch(/Reaksi India/);
    expect((await discordReaction("france")).title).toContain("Prancis");
  });
});
