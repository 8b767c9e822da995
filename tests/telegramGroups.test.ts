import { describe, expect, test } from "vitest";
import type { CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { useKabarOnPeer } from "./peers/telegramKabar.js";
import { FAULTS, type RecordedCall, TEST_BOT_ID, TEST_BOT_USERNAME } from "./peers/telegramPeer.js";

/**
 * Groups: which messages the bot answers, and the ChatContext every call
 * carries (target, type, user, canManage through getChatMember). A probe
 * command with subcommands, added to the real list, shows what a command
 * such as /digest receives: the platform handles commands generically.
 */
const probe: CommandDefinition = {
  name: "probe",
  description: { id: "Perintah uji", en: "Test command" },
  options: [],
  requiresManage: true,
  subcommands: [
    {
      name: "subscribe",
      description: { id: "Berlangganan", en: "Subscribe" },
      requiresManage: true,
      options: [
        { name: "time", description: { id: "Jam", en: "Time" }, source: "time" },
        { name: "timezone", description: { id: "Zona", en: "Zone" }, source: "timezone" },
      ],
    },
  ],
  async run(call, ctx) {
    const chat = ctx.chat;
    const seen = { args: call.args, lang: call.lang, target: chat?.target, type: chat?.type, userId: chat?.userId, canManage: await chat?.canManage() };
    return makeReply({ kind: "notice", lang: call.lang, title: "probe", blocks: [JSON.stringify(seen)] });
  },
};

const fixture = useKabarOnPeer({ extraCommands: [probe] });

const nextMessage = (chatId: number, send: () => Promise<void>) => fixture.peer.nextMessage(chatId, send);

function probed(call: RecordedCall): Record<string, unknown> {
  return JSON.parse(String(call.payload.text).split("\n\n")[1]!) as Record<string, unknown>;
}

const inGroup = (chatId: number, userId: number, languageCode = "en") =>
  fixture.peer.user({ userId, chatId, chatType: "supergroup", languageCode });

/**
 * Proves `ignored` got no answer: a sentinel command the bot must answer is
 * sent after it, and updates of one chat are handled in order (sequentialize),
 * so once the sentinel's answer is in, any answer to `ignored` would be too.
 * Waiting for "the next message" instead would race: it could be the very
 * answer that should not exist.
 */
async function expectIgnored(chatId: number, user: ReturnType<typeof inGroup>, ignored: () => Promise<void>): Promise<void> {
  const after = fixture.peer.calls.length;
  await ignored();
  await user.send("/source");
  await fixture.peer.waitForCall("sendMessage", { chatId, after, where: (c) => /^<b>Source<\/b>/.test(String(c.payload.text)) });
  const answers = fixture.peer.calls.slice(after).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId));
  expect(answers.map((c) => String(c.payload.text).split("\n")[0])).toEqual(["<b>Source</b>"]);
}

describe("Telegram groups", () => {
  test("GIVEN group chatter THEN it is ignored silently", async () => {
    const user = inGroup(-1001, 11);
    await expectIgnored(-1001, user, async () => {
      await user.send("hari ini panas sekali");
      await user.send("apa kata Prancis?");
    });
  });

  test("GIVEN a message mentioning the bot THEN it is answered as a question, threaded under the message", async () => {
    const user = inGroup(-1002, 12);
    const reply = await nextMessage(-1002, () => user.send(`@${TEST_BOT_USERNAME} apa kata Prancis?`));
    expect(reply.payload.text).toMatch(/^<b>🇫🇷 Reaksi Prancis<\/b>/);
    expect(reply.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    expect(typeof reply.payload.reply_parameters.message_id).toBe("number");
  });

  test("GIVEN a reply to one of the bot's messages THEN it is answered", async () => {
    const user = inGroup(-1003, 13);
    const first = await nextMessage(-1003, () => user.send("/actors"));
    const botMessage = { message_id: first.response!.result.message_id, date: 0, chat: { id: -1003, type: "supergroup", title: "Test group" }, from: { id: TEST_BOT_ID, is_bot: true, first_name: "Bot" }, text: "..." };
    const reply = await nextMessage(-1003, () => user.send("and Russia?", { reply_to_message: botMessage }));
    expect(reply.payload.text).toMatch(/^<b>🇷🇺 Russia's reaction<\/b>/);
  });

  test("GIVEN a reply to another user's message THEN it is ignored", async () => {
    const user = inGroup(-1004, 14);
    const other = { message_id: 1, date: 0, chat: { id: -1004, type: "supergroup" }, from: { id: 99, is_bot: false, first_name: "Budi" }, text: "x" };
    await expectIgnored(-1004, user, () => user.send("apa kata PBB?", { reply_to_message: other }));
  });

  test("GIVEN /cmd@OtherBot THEN it is left to the other bot; /cmd@ThisBot is answered", async () => {
    const user = inGroup(-1005, 15);
    await expectIgnored(-1005, user, () => user.send("/actors@OtherBot"));
    const reply = await nextMessage(-1005, () => user.send(`/reaction@${TEST_BOT_USERNAME} france`));
    expect(reply.payload.text).toMatch(/^<b>🇫🇷 France's reaction<\/b>/);
  });

  test("GIVEN an unknown bare command in a group THEN it is ignored (it may be another bot's); addressed to us it gets 'unknown command, see /help'", async () => {
    const user = inGroup(-1006, 16);
    await expectIgnored(-1006, user, () => user.send("/weather"));
    const reply = await nextMessage(-1006, () => user.send(`/weather@${TEST_BOT_USERNAME}`));
    expect(reply.payload.text).toBe("Unknown command /weather, see /help.");
  });

  test("GIVEN '/probe subscribe 07:30 Asia/Jakarta' from a group administrator THEN the command gets the subcommand, its options and a ChatContext that may manage", async () => {
    const user = inGroup(-1007, 17, "id");
    fixture.peer.setMember(-1007, 17, "administrator");
    const reply = await nextMessage(-1007, () => user.send("/probe subscribe 07:30 Asia/Jakarta"));
    expect(probed(reply)).toEqual({
      args: { subcommand: "subscribe", time: "07:30", timezone: "Asia/Jakarta" },
      lang: "id",
      target: "telegram:-1007",
      type: "group",
      userId: "telegram:17",
      canManage: true,
    });
  });

  test.each([
    ["creator", true],
    ["administrator", true],
    ["member", false],
    ["restricted", false],
  ] as const)("GIVEN a group member with status %s THEN canManage is %s", async (status, expected) => {
    const chatId = -1100 - ["creator", "administrator", "member", "restricted"].indexOf(status);
    const user = inGroup(chatId, 18);
    fixture.peer.setMember(chatId, 18, status);
    const reply = await nextMessage(chatId, () => user.send("/probe"));
    expect(probed(reply).canManage).toBe(expected);
    const lookup = await fixture.peer.waitForCall("getChatMember", { chatId });
    expect(lookup.payload.user_id).toBe(18);
  });

  test("GIVEN getChatMember fails THEN canManage is false and a log line says why", async () => {
    const user = inGroup(-1008, 19);
    fixture.peer.setMember(-1008, 19, "administrator");
    fixture.peer.failNext("getChatMember", { chatId: -1008, fault: FAULTS.chatNotFound });
    const reply = await nextMessage(-1008, () => user.send("/probe"));
    expect(probed(reply).canManage).toBe(false);
    expect(fixture.bot.logs.some((l) => l.includes("getChatMember failed"))).toBe(true);
  });

  test("GIVEN a private chat THEN canManage is true without asking Telegram", async () => {
    const user = fixture.peer.user({ userId: 20, languageCode: "en" });
    const reply = await nextMessage(20, () => user.send("/probe"));
    expect(probed(reply)).toMatchObject({ target: "telegram:20", type: "private", userId: "telegram:20", canManage: true });
    expect(fixture.peer.calls.some((c) => c.method === "getChatMember" && c.payload.chat_id === 20)).toBe(false);
  });
});
