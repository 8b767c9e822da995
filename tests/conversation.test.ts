import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import type { ChatContext } from "../src/core/command.js";
import { CONVERSATION_TTL_MS, ConversationMemory } from "../src/core/conversation.js";
import type { Kabar } from "../src/core/kabar.js";
import { makeReply } from "../src/core/reply.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { ManualClock } from "../src/digest/clock.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { ConsolePlatform } from "../src/platforms/console/consoleChat.js";
import { snowflake } from "./peers/discordPayloads.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { startKabarOnPeer, type KabarOnPeer } from "./peers/telegramKabar.js";
import { startTelegramPeer, type TelegramPeer } from "./peers/telegramPeer.js";
import { library } from "./helpers/core.js";

/**
 * Follow-ups, small talk, unknown commands and /lang, through the same wiring
 * `npm start` uses (createKabar: conversation memory, per-chat language in
 * the store), on Telegram, Discord and the console.
 */
function productionKabar(clock = new ManualClock(Date.parse("2026-01-05T08:00:00Z"))): { kabar: Kabar; clock: ManualClock } {
  const store = new SqliteSubscriptionStore(":memory:");
  return { kabar: createKabar(new LibraryHolder(library), undefined, { [DIGEST_SERVICE]: { store, clock } }, () => clock.now()), clock };
}

const chatOf = (target: string, userId: string, type: ChatContext["type"] = "private"): ChatContext => ({
  target,
  platform: "telegram",
  type,
  userId,
  canManage: async () => true,
});

describe("conversation context (per chat and user, ten minutes)", () => {
  it("GIVEN a question about Russia WHEN the next asks 'kutipannya mana?' THEN Russia's quote", async () => {
    const { kabar } = productionKabar();
    const chat = chatOf("telegram:1", "telegram:1");
    await kabar.answer("apa kata Rusia?", { chat });
    const { reply } = await kabar.answer("kutipannya mana?", { chat });
    expect(reply).toMatchObject({ kind: "quote", actor: "russia" });
  });

  it("GIVEN a quote WHEN 'and the UN?' / 'terus PBB?' THEN the UN's quote (the same kind)", async () => {
    const { kabar } = productionKabar();
    const chat = chatOf("telegram:2", "telegram:2");
    await kabar.answer("kutip omongan Colonna dong", { chat });
    expect((await kabar.answer("and the UN?", { chat })).reply).toMatchObject({ kind: "quote", actor: "un" });
    expect((await kabar.answer("terus Rusia?", { chat })).reply).toMatchObject({ kind: "quote", actor: "russia" });
  });

  it("GIVEN a quote WHEN 'what did she mean?' THEN the reaction the quote belongs to", async () => {
    const { kabar } = productionKabar();
    const chat = chatOf("telegram:3", "telegram:3");
    await kabar.answer("/quote france", { chat });
    expect((await kabar.answer("what did she mean?", { chat })).reply).toMatchObject({ kind: "reaction", actor: "france" });
  });

  it("GIVEN eleven minutes since the last question THEN the follow-up stands alone", async () => {
    const { kabar, clock } = productionKabar();
    const chat = chatOf("telegram:4", "telegram:4");
    await kabar.answer("apa kata Rusia?", { chat });
    clock.advance(CONVERSATION_TTL_MS + 60_000);
    expect((await kabar.answer("kutipannya mana?", { chat })).reply.actor).toBeUndefined();
  });

  it("GIVEN two members of one group THEN each has their own conversation", async () => {
    const { kabar } = productionKabar();
    const ani = chatOf("telegram:-100", "telegram:11", "group");
    const budi = chatOf("telegram:-100", "telegram:12", "group");
    await kabar.answer("apa kata Rusia?", { chat: ani });
    await kabar.answer("apa kata PBB?", { chat: budi });
    expect((await kabar.answer("kutipannya mana?", { chat: ani })).reply.actor).toBe("russia");
    expect((await kabar.answer("kutipannya mana?", { chat: budi })).reply.actor).toBe("un");
  });

  it("GIVEN more conversations than the memory holds THEN the least recently used is forgotten", () => {
    const memory = new ConversationMemory(() => 0, 2);
    const reply = makeReply({ kind: "reaction", lang: "id", title: "", actor: "un" });
    for (const id of ["a", "b", "c"]) memory.remember(chatOf(`console:${id}`, id), reply);
    expect(memory.size).toBe(2);
    expect(memory.get(chatOf("console:a", "a"))).toBeUndefined();
    expect(memory.get(chatOf("console:c", "c"))?.actor).toBe("un");
  });

  it("GIVEN no chat (npm run ask without --conversation) THEN every message stands alone", async () => {
    const { kabar } = productionKabar();
    await kabar.answer("apa kata Rusia?");
    expect((await kabar.answer("kutipannya mana?")).reply.actor).toBeUndefined();
  });
});

describe("small talk and commands (through kabar)", () => {
  it("GIVEN 'thanks!' THEN one line, not the help page", async () => {
    const { reply } = await productionKabar().kabar.answer("thanks!");
    expect(reply.blocks).toEqual(["You're welcome! Ask me anything else about the article."]);
    expect(reply.fields).toEqual([]);
  });

  it("GIVEN an unknown /command THEN 'unknown command, see /help'", async () => {
    const { reply } = await productionKabar().kabar.answer("/frobnicate", { fallbackLang: "en" });
    expect(reply.blocks).toEqual(["Unknown command /frobnicate, see /help."]);
  });

  it("GIVEN /reaction without an actor THEN the actors, each a button", async () => {
    const { reply } = await productionKabar().kabar.answer("/reaction", { fallbackLang: "en" });
    expect(reply.blocks[0]).toMatch(/^Pick one, for example \/reaction france\. Available: 🇫🇷 France, 🇺🇳 United Nations, 🇷🇺 Russia/);
    expect(reply.followUps.map((f) => f.call.args.actor)).toEqual(["france", "un", "russia"]);
  });

  it("GIVEN /background with an actor's alias THEN the section about that actor, as free text reads it", async () => {
    const { reply } = await productionKabar().kabar.answer("/background rusia");
    expect(reply).toMatchObject({ kind: "background", topic: "russia-role" });
  });

  it("GIVEN /lang en in a chat THEN an Indonesian question there is answered in English; /lang auto undoes it", async () => {
    const { kabar } = productionKabar();
    const chat = chatOf("telegram:20", "telegram:20");
    await kabar.answer("/lang en", { chat });
    expect((await kabar.answer("apa kata Prancis?", { chat })).reply.lang).toBe("en");
    expect((await kabar.answer("apa kata Prancis?", { chat: chatOf("telegram:21", "telegram:21") })).reply.lang).toBe("id");
    await kabar.answer("/lang auto", { chat });
    expect((await kabar.answer("apa kata Prancis?", { chat })).reply.lang).toBe("id");
  });

  it("GIVEN /lang with a bad value THEN one line naming the choices", async () => {
    const { reply } = await productionKabar().kabar.answer("/lang fr", { chat: chatOf("telegram:22", "telegram:22"), fallbackLang: "en" });
    expect(reply.blocks).toEqual(['"fr" is not a language choice. Use /lang id, /lang en or /lang auto.']);
  });
});

describe("on Telegram (grammY against the local peer)", () => {
  let peer: TelegramPeer;
  let bot: KabarOnPeer;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    bot = await startKabarOnPeer(peer, { kabar: productionKabar().kabar });
  });
  afterAll(async () => {
    await bot?.platform.stop();
    await peer?.stop();
  });

  it("GIVEN Russia then 'kutipannya mana?' in a private chat THEN Russia's quote", async () => {
    const user = peer.user({ userId: 601, languageCode: "id" });
    await peer.nextMessage(601, () => user.send("apa kata Rusia?"));
    const msg = await peer.nextMessage(601, () => user.send("kutipannya mana?"));
    expect(String(msg.payload.text)).toMatch(/^<b>🇷🇺 Kutipan: Rusia<\/b>/);
  });

  it("GIVEN 'thanks!' THEN one line", async () => {
    const user = peer.user({ userId: 602, languageCode: "en" });
    const msg = await peer.nextMessage(602, () => user.send("thanks!"));
    expect(String(msg.payload.text)).toMatch(/^You're welcome! Ask me anything else about the article\./);
  });

  it("GIVEN an unknown command in a private chat THEN 'unknown command, see /help'", async () => {
    const user = peer.user({ userId: 603, languageCode: "en" });
    const msg = await peer.nextMessage(603, () => user.send("/frobnicate"));
    expect(String(msg.payload.text)).toMatch(/^Unknown command \/frobnicate, see \/help\./);
  });

  it("GIVEN /lang en from an Indonesian-locale user THEN the next Indonesian question is answered in English", async () => {
    const user = peer.user({ userId: 604, languageCode: "id" });
    await peer.nextMessage(604, () => user.send("/lang en"));
    const msg = await peer.nextMessage(604, () => user.send("apa kata Prancis?"));
    expect(String(msg.payload.text)).toMatch(/^<b>🇫🇷 France's reaction<\/b>/);
  });
});

describe("on Discord (discord.js against the fake Discord)", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot({ kabar: productionKabar().kabar });
  });
  afterAll(async () => {
    await bot?.close();
  });
  const postTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;
  const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

  it("GIVEN a quote in a DM WHEN 'and the UN?' THEN the UN's quote", async () => {
    const dm = snowflake();
    bot.discord.userMessage({ channelId: dm, author: bot.user, content: "give me Colonna's exact words" });
    await bot.discord.waitForRequest(postTo(dm));
    const sent = bot.discord.userMessage({ channelId: dm, author: bot.user, content: "and the UN?" });
    const { body } = await bot.discord.waitForRequest((r) => postTo(dm)(r) && r.body.message_reference?.message_id === sent.id);
    expect(body.embeds[0].title).toBe("🇺🇳 Quote: United Nations");
  });

  it("GIVEN /reaction with no actor THEN the actors are listed", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild({ locale: "en-US" }), { name: "reaction", options: [] });
    const callback = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(JSON.stringify(callback.body.data)).toMatch(/Pick one, for example \/reaction france/);
  });

  it("GIVEN /background topic:rusia THEN Russia's role", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild({ locale: "id" }), { name: "background", options: [{ name: "topic", value: "rusia" }] });
    const callback = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(callback.body.data.embeds[0].title).toContain("Apa Peran Rusia?");
  });
});

describe("in the console", () => {
  it("GIVEN piped lines THEN they are one conversation: 'kutipannya mana?' after Russia is Russia's quote", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d: Buffer) => (text += d.toString()));
    const consoleChat = new ConsolePlatform({ kabar: productionKabar().kabar, input, output, interactive: false });
    const done = consoleChat.start();
    input.end("apa kata Rusia?\nkutipannya mana?\nmakasih ya\n");
    await done;
    expect(text).toMatch(/🇷🇺 Kutipan: Rusia/);
    expect(text).toMatch(/Sama-sama!/);
  });
});
