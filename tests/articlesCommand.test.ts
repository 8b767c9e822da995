import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLES_PER_PAGE } from "../commands/articles.js";
import { decodeCall, encodeCall, MAX_CALLBACK_BYTES } from "../src/core/callbackData.js";
import type { Kabar } from "../src/core/kabar.js";
import { startDiscordTestBot, type DiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { startKabarOnPeer, type KabarOnPeer } from "./peers/telegramKabar.js";
import { startTelegramPeer, type TelegramPeer } from "./peers/telegramPeer.js";
import { generatedLibrary, kabarOver } from "./helpers/library.js";
import { generatedArticleId } from "./helpers/generatedArticles.js";

/** /articles over the seed and 12 generated articles: three pages of five, newest first. */
const library = generatedLibrary(12);
const kabar: Kabar = kabarOver(library);
const newestTitle = library.articles[0]!.title.id;

describe("/articles (platform-neutral, as the console runs it)", () => {
  it("GIVEN 13 articles THEN page 1 lists the five newest with their dates, one button each and a Next button", async () => {
    const { reply } = await kabar.answer("/articles");
    expect(reply.kind).toBe("articles");
    expect(reply.fields.map((f) => f.name)).toEqual(library.articles.slice(0, ARTICLES_PER_PAGE).map((a, i) => `${i + 1}. ${a.title.id}`));
    expect(reply.fields[0]!.value).toBe(`31 Desember 2024 · ${generatedArticleId(0)}`);
    expect(reply.blocks[0]).toContain("halaman 1 dari 3");
    expect(reply.followUps.map((f) => f.call.command)).toEqual(["summary", "summary", "summary", "summary", "summary", "articles"]);
  });

  it("GIVEN the Indonesian name /artikel and page 3 THEN the last page: the seed, oldest, and only a Previous button", async () => {
    const { reply } = await kabar.answer("/artikel 3", { fallbackLang: "id" });
    expect(reply.fields.at(-1)!.name).toContain("Nagorno-Karabakh");
    expect(reply.followUps.at(-1)!.call).toEqual({ command: "articles", lang: "id", args: { page: "2" } });
    expect(reply.followUps.filter((f) => f.call.command === "articles")).toHaveLength(1);
  });

  it("GIVEN a page past the end or not a number THEN the nearest page, never an error", async () => {
    expect((await kabar.answer("/articles 99")).reply.blocks[0]).toContain("halaman 3 dari 3");
    expect((await kabar.answer("/articles abc")).reply.blocks[0]).toContain("halaman 1 dari 3");
  });

  it("GIVEN every button of every page THEN its callback data fits 64 bytes and an article button opens that article's summary", async () => {
    for (let page = 1; page <= 3; page++) {
      const { reply } = await kabar.answer(`/articles ${page}`);
      for (const f of reply.followUps) {
        const data = encodeCall(f.call);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        const answer = await kabar.run(decodeCall(data)!);
        // The label names the article (cut short); the answer is that article's summary.
        if (f.call.command === "summary") expect(`📰 ${answer.title.replace(/^Ringkasan: /, "")}`).toContain(f.label.replace(/…$/, ""));
      }
    }
  });
});

describe("/articles on Telegram (local peer)", () => {
  let peer: TelegramPeer;
  let bot: KabarOnPeer;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    bot = await startKabarOnPeer(peer, { kabar });
  });
  afterAll(async () => {
    await bot?.platform.stop();
    await peer?.stop();
  });
  const user = () => peer.user({ userId: 611, languageCode: "en" });

  it("GIVEN /articles, Next, then an article button THEN the list, the list's second page in place, then that article's summary in place", async () => {
    const list = await peer.nextMessage(611, () => user().send("/articles"));
    expect(list.payload.text).toContain(library.articles[0]!.title.en);
    const buttons = list.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    const messageId = list.response!.result.message_id as number;
    const next = buttons.find((b) => b.text === "Next »")!;
    let after = peer.calls.length;
    await user().press(next.callback_data, messageId);
    const page2 = await peer.waitForCall("editMessageText", { chatId: 611, after });
    expect(page2.payload.text).toContain("page 2 of 3");
    expect(page2.payload.text).toContain(library.articles[ARTICLES_PER_PAGE]!.title.en);
    const second = (page2.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[])[1]!;
    after = peer.calls.length;
    await user().press(second.callback_data, messageId);
    const summary = await peer.waitForCall("editMessageText", { chatId: 611, after });
    const chosen = library.articles[ARTICLES_PER_PAGE + 1]!;
    expect(summary.payload.text).toContain(`Summary: ${chosen.title.en}`);
    expect(summary.payload.text).toContain(chosen.author);
  });
});

describe("/articles on Discord (fake Discord)", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot({ kabar });
  });
  afterAll(async () => bot?.close());
  const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

  it("GIVEN /articles THEN an embed listing the newest five, and pressing the first article shows its summary in place", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild({ locale: "id" }), { name: "articles" });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    const embed = body.data.embeds[0];
    expect(embed.fields[0].name).toContain(newestTitle);
    const buttons = body.data.components.flatMap((row: { components: { label: string; custom_id: string }[] }) => row.components);
    expect(buttons.map((b: { label: string }) => b.label).at(-1)).toBe("Berikutnya »");
    const press = bot.discord.pressButton(bot.inGuild({ locale: "id" }), buttons[0].custom_id);
    const update = await bot.discord.waitForRequest(callbackOf(press.id));
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].title).toBe(`Ringkasan: ${newestTitle}`);
  });
});
