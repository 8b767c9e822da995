import { describe, expect, test } from "vitest";
import { encodeCall } from "../src/core/callbackData.js";
import { t } from "../src/core/strings.js";
import { library, useKabarOnPeer } from "./peers/telegramKabar.js";
import { checkTelegramHtml } from "./peers/telegramHtmlCheck.js";
import { type RecordedCall, TEST_TOKEN } from "./peers/telegramPeer.js";

/**
 * A user talks to the bot through telegram-test-api (behind the peer's proxy)
 * while the real grammY client long-polls it on 127.0.0.1. Each test uses its
 * own user id (= private chat id), so their replies never mix.
 */
const fixture = useKabarOnPeer();

const nextMessage = (chatId: number, send: () => Promise<void>) => fixture.peer.nextMessage(chatId, send);

function buttons(call: RecordedCall): { text: string; callback_data: string }[] {
  return (call.payload.reply_markup?.inline_keyboard ?? []).flat();
}

const article = library.newest();
const france = article.actors.find((a) => a.id === "france")!;

describe("Telegram end to end (telegram-test-api)", () => {
  test("GIVEN an Indonesian user WHEN they send /start THEN they get an HTML greeting in Indonesian with the sections as buttons", async () => {
    const user = fixture.peer.user({ userId: 101, firstName: "Sari", languageCode: "id" });
    const msg = await nextMessage(101, () => user.send("/start"));
    expect(msg.payload.parse_mode).toBe("HTML");
    expect(msg.payload.text).toMatch(/^<b>Halo, Sari!<\/b>\n\nSaya Kabar\./);
    const data = buttons(msg).map((b) => b.callback_data);
    expect(data).toEqual(expect.arrayContaining([
      encodeCall({ command: "reaction", lang: "id", args: { actor: "france" } }),
      encodeCall({ command: "reaction", lang: "id", args: { actor: "un" } }),
      encodeCall({ command: "summary", lang: "id", args: {} }),
      encodeCall({ command: "background", lang: "id", args: { topic: "russia-role" } }),
    ]));
  });

  test("GIVEN an English-locale user WHEN they send /start THEN the greeting is in English", async () => {
    const user = fixture.peer.user({ userId: 102, firstName: "Ann", languageCode: "en-GB" });
    const msg = await nextMessage(102, () => user.send("/start"));
    expect(msg.payload.text).toMatch(/^<b>Hello, Ann!<\/b>\n\nI am Kabar\./);
  });

  test("GIVEN a deep link /start reaction_france THEN the French reaction opens at once", async () => {
    const user = fixture.peer.user({ userId: 103, languageCode: "en" });
    const msg = await nextMessage(103, () => user.send("/start reaction_france"));
    expect(msg.payload.text).toContain(`<b>${france.flag} France's reaction</b>`);
  });

  test("GIVEN /reaction france from an English user THEN the HTML has the title, the verbatim quote in a blockquote, our translation marked, the source and buttons to the other actors", async () => {
    const user = fixture.peer.user({ userId: 104, languageCode: "en" });
    const msg = await nextMessage(104, () => user.send("/reaction france"));
    const html = String(msg.payload.text);
    const quote = france.quotes[0]!;
    expect(html).toContain(`<b>${france.flag} France's reaction</b>`);
    expect(html).toContain(`<blockquote>“${quote.text}”\n— <i>${quote.speaker}, ${quote.role.en}</i></blockquote>`);
    expect(html).toContain(`<i>Our translation:</i> “${quote.translation}”`);
    expect(html).toMatch(/<i>Source: Tribunnews\.com \/ Andari Wulan Nugrahani, events of 20 September 2023<\/i>$/);
    expect(checkTelegramHtml(html)).toBeUndefined();
    const labels = buttons(msg).map((b) => b.text);
    expect(labels).toContain("🇺🇳 United Nations");
    expect(labels).not.toContain(`${france.flag} France`);
  });

  test("GIVEN an English-locale user WHEN they ask 'apa kata PBB?' THEN the answer is in Indonesian (the question's language wins)", async () => {
    const user = fixture.peer.user({ userId: 105, languageCode: "en" });
    const msg = await nextMessage(105, () => user.send("apa kata PBB?"));
    expect(msg.payload.text).toMatch(/^<b>🇺🇳 Reaksi PBB<\/b>/);
    expect(msg.payload.text).toContain("<i>Sumber: Tribunnews.com");
  });

  test("GIVEN an Indonesian-locale user WHEN they ask in English THEN the answer is in English", async () => {
    const user = fixture.peer.user({ userId: 106, languageCode: "id" });
    const msg = await nextMessage(106, () => user.send("what did the UN say?"));
    expect(msg.payload.text).toMatch(/^<b>🇺🇳 United Nations' reaction<\/b>/);
  });

  test("GIVEN a fact question in Indonesian THEN the article's sentence holding it comes first, verbatim, in valid Telegram HTML", async () => {
    const user = fixture.peer.user({ userId: 107, languageCode: "id" });
    const msg = await nextMessage(107, () => user.send("berapa jumlah pasukan penjaga perdamaian rusia?"));
    const sentence = article.original.split("\n").find((l) => l.includes("2.000"))!;
    const body = msg.payload.text!.split("\n\n")[1]!;
    expect(body).toBe(`Menurut artikel: “${sentence}”`);
    expect(checkTelegramHtml(msg.payload.text!)).toBeUndefined();
  });

  test("GIVEN a body the article has no reaction from, written as a lower-case acronym ('the eu') THEN it says so by the body's name", async () => {
    const user = fixture.peer.user({ userId: 108, languageCode: "en" });
    const msg = await nextMessage(108, () => user.send("what was the eu's response"));
    expect(msg.payload.text).toContain("The article has no reaction from the European Union.");
  });

  test("GIVEN 'did everyone condemn azerbaijan?' THEN the reactions of every actor, not 'no reaction from Azerbaijan'", async () => {
    const user = fixture.peer.user({ userId: 109, languageCode: "en" });
    const msg = await nextMessage(109, () => user.send("did everyone condemn azerbaijan?"));
    expect(msg.payload.text).toContain("The article reports reactions from:");
    expect(msg.payload.text).not.toContain("no reaction from");
  });

  test("GIVEN a reply with buttons WHEN the user presses one THEN the message is edited in place and the callback is answered", async () => {
    const user = fixture.peer.user({ userId: 107, languageCode: "en" });
    const msg = await nextMessage(107, () => user.send("/reaction france"));
    const messageId = msg.response!.result.message_id as number;
    const un = buttons(msg).find((b) => b.text === "🇺🇳 United Nations")!;
    const after = fixture.peer.calls.length;
    await user.press(un.callback_data, messageId);
    const edit = await fixture.peer.waitForCall("editMessageText", { chatId: 107, after });
    expect(edit.payload.message_id).toBe(messageId);
    expect(edit.payload.parse_mode).toBe("HTML");
    expect(edit.payload.text).toMatch(/^<b>🇺🇳 United Nations/);
    expect(buttons(edit).map((b) => b.text)).toContain(`${france.flag} France`);
    await fixture.peer.waitForCall("answerCallbackQuery", { after });
    const stored = await user.client.getUpdatesHistory();
    const edited = stored.find((u: any) => u.messageId === messageId && "message" in u && u.message.chat_id !== undefined) as any;
    expect(edited.message.text).toBe(edit.payload.text);
  });

  test("GIVEN the same button pressed twice (a double tap) THEN Telegram's 'message is not modified' is no failure: the press is answered without an apology", async () => {
    const user = fixture.peer.user({ userId: 109, languageCode: "en" });
    const msg = await nextMessage(109, () => user.send("/reaction france"));
    const messageId = msg.response!.result.message_id as number;
    const un = buttons(msg).find((b) => b.text === "🇺🇳 United Nations")!;
    const first = fixture.peer.calls.length;
    await user.press(un.callback_data, messageId);
    await fixture.peer.waitForCall("answerCallbackQuery", { after: first });
    const after = fixture.peer.calls.length;
    await user.press(un.callback_data, messageId);
    const edit = await fixture.peer.waitForCall("editMessageText", { chatId: 109, after });
    expect(edit.response?.description).toMatch(/message is not modified/);
    const answer = await fixture.peer.waitForCall("answerCallbackQuery", { after });
    expect(answer.payload.text).toBeUndefined();
    expect(fixture.bot.logs.some((l) => l.includes("telegram update failed") && l.includes("not modified"))).toBe(false);
  });

  test("GIVEN a button from an older version WHEN pressed THEN the user gets a short notice and nothing is edited", async () => {
    const user = fixture.peer.user({ userId: 108, languageCode: "en" });
    const msg = await nextMessage(108, () => user.send("/actors"));
    const after = fixture.peer.calls.length;
    await user.press("v0:reaction:fr", msg.response!.result.message_id as number);
    const answer = await fixture.peer.waitForCall("answerCallbackQuery", { after });
    expect(answer.payload.text).toBe(t("en").staleButton);
    expect(fixture.peer.calls.slice(after).some((c) => c.method === "editMessageText")).toBe(false);
  });

  test("GIVEN the bot started THEN the command menu was registered in English (default) and Indonesian, from the command list", async () => {
    const menus = fixture.peer.commandMenus();
    const en = menus.get("") as { command: string; description: string }[];
    const id = menus.get("id") as { command: string; description: string }[];
    expect(en.map((c) => c.command)).toEqual(fixture.bot.kabar.commands.map((c) => c.name));
    expect(en.find((c) => c.command === "reaction")!.description).toBe("One country's or organisation's reaction");
    expect(id.find((c) => c.command === "reaction")!.description).toBe("Reaksi satu negara atau lembaga");
  });

  test("GIVEN a question with a word every object has ('constructor') THEN it is answered like any other, not with the apology", async () => {
    const user = fixture.peer.user({ userId: 131, languageCode: "en" });
    const msg = await nextMessage(131, () => user.send("who is the constructor of the peace plan?"));
    expect(msg.payload.text).not.toBe(t("en").genericError);
    expect(fixture.bot.logs.join("\n")).not.toContain("understanding failed");
  });

  test("GIVEN 'when did the operation start?' THEN the answer is about the story, not the help page", async () => {
    const user = fixture.peer.user({ userId: 132, languageCode: "en" });
    const msg = await nextMessage(132, () => user.send("when did the operation start?"));
    expect(msg.payload.text).not.toMatch(/^<b>Kabar: what I can do<\/b>/);
    expect(msg.payload.text).toMatch(/^<b>Summary/);
  });

  test("GIVEN the whole conversation THEN no log line contains the token", () => {
    expect(fixture.bot.logs.length).toBeGreaterThan(0);
    expect(fixture.bot.logs.join("\n")).not.toContain(TEST_TOKEN);
  });
});
