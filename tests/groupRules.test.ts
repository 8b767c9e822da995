import type { Message, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { addressedText } from "../src/platforms/telegram/groupRules.js";

/** Which Telegram messages are for the bot, as a table (the end-to-end side is in telegramGroups.test.ts). */
const me = { id: 666, is_bot: true, first_name: "Kabar", username: "KabarBot" } as UserFromGetMe;
const chats = {
  private: { id: 7, type: "private", first_name: "A" },
  group: { id: -5, type: "group", title: "G" },
  supergroup: { id: -1005, type: "supergroup", title: "S" },
} as const;

function message(chat: keyof typeof chats, text: string | undefined, extra: Partial<Message> = {}): Message {
  return { message_id: 1, date: 0, chat: chats[chat], from: { id: 9, is_bot: false, first_name: "U" }, ...(text !== undefined ? { text } : {}), ...extra } as Message;
}
const botMessage = { message_id: 2, date: 0, chat: chats.group, from: { id: me.id, is_bot: true, first_name: "Kabar" }, text: "x" } as Message;
const otherMessage = { message_id: 3, date: 0, chat: chats.group, from: { id: 10, is_bot: false, first_name: "B" }, text: "x" } as Message;

describe("which messages are for the bot", () => {
  it.each([
    ["private", "apa kata Prancis?", { kind: "question", text: "apa kata Prancis?" }],
    ["private", "/weather", { kind: "command", command: { name: "weather", rest: "" }, explicit: true }],
    ["group", "/weather", { kind: "command", command: { name: "weather", rest: "" }, explicit: false }],
    ["supergroup", "/Reaction prancis", { kind: "command", command: { name: "reaction", rest: "prancis" }, explicit: false }],
    ["group", "/weather@KabarBot", { kind: "command", command: { name: "weather", mention: "KabarBot", rest: "" }, explicit: true }],
    ["group", "/weather@kabarbot now", { kind: "command", command: { name: "weather", mention: "kabarbot", rest: "now" }, explicit: true }],
    ["group", "/actors@OtherBot", undefined],
    ["group", "hari ini panas", undefined],
    ["group", "@KabarBot apa kata PBB?", { kind: "question", text: "apa kata PBB?" }],
    ["group", "menurut @kabarbot   rusia gimana?", { kind: "question", text: "menurut rusia gimana?" }],
    ["group", "email me at x@KabarBotty.com", undefined],
    ["group", "@KabarBotty halo", undefined],
  ] as const)("GIVEN a %s chat and %j THEN %j", (chat, text, expected) => {
    expect(addressedText(message(chat, text), me)).toEqual(expected);
  });

  it("GIVEN a mention entity naming the bot (in any case) THEN it is a question with the name taken out", () => {
    const text = "tolong @KABARBOT ringkasan";
    const m = message("group", text, { entities: [{ type: "mention", offset: 7, length: 9 }] });
    expect(addressedText(m, me)).toEqual({ kind: "question", text: "tolong ringkasan" });
  });

  it("GIVEN a mention entity of someone else THEN it is not for the bot", () => {
    const text = "@budi gimana";
    expect(addressedText(message("group", text, { entities: [{ type: "mention", offset: 0, length: 5 }] }), me)).toBeUndefined();
  });

  it("GIVEN a text_mention of the bot (a user without a username link) THEN it is for the bot", () => {
    const m = message("group", "Kabar ringkasan", { entities: [{ type: "text_mention", offset: 0, length: 5, user: { id: me.id, is_bot: true, first_name: "Kabar" } }] });
    expect(addressedText(m, me)).toEqual({ kind: "question", text: "Kabar ringkasan" });
  });

  it("GIVEN a text_mention of another user THEN it is not", () => {
    const m = message("group", "Budi ringkasan", { entities: [{ type: "text_mention", offset: 0, length: 4, user: { id: 10, is_bot: false, first_name: "Budi" } }] });
    expect(addressedText(m, me)).toBeUndefined();
  });

  it("GIVEN a reply to the bot's message in a group THEN it is a question; to someone else's THEN not", () => {
    expect(addressedText(message("group", "dan rusia?", { reply_to_message: botMessage as never }), me)).toEqual({ kind: "question", text: "dan rusia?" });
    expect(addressedText(message("group", "dan rusia?", { reply_to_message: otherMessage as never }), me)).toBeUndefined();
  });

  it("GIVEN a message without text (a photo) THEN it is not for the bot, even in private", () => {
    expect(addressedText(message("private", undefined), me)).toBeUndefined();
  });
});

describe("a bot of another name", () => {
  // The handle comes from getMe, so the rules hold for whatever the bot is called. This is the only
  // test naming BeritaBot: it is the one that builds that name's patterns (they are kept per name).
  const berita = { id: 777, is_bot: true, first_name: "Berita", username: "BeritaBot" } as UserFromGetMe;

  it("GIVEN its handle twice in other cases with no entity THEN the message is for it, both handles taken out", () => {
    expect(addressedText(message("group", "@beritabot tolong @BERITABOT ringkasan"), berita)).toEqual({ kind: "question", text: "tolong ringkasan" });
  });
});
