import { Api, GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLBACK_ANSWER_WINDOW_MS, NOT_MODIFIED, QUERY_TOO_OLD } from "./peers/telegramRules.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * The Telegram peer refuses what Telegram refuses (telegramRules.ts, telegramLimits.ts),
 * checked through grammY's own Api so the answers are what a bot sees. Its clock is the
 * test's: no test here waits for real time to pass.
 */
let now = 1_000_000;
let peer: TelegramPeer;
let api: Api;
beforeAll(async () => {
  peer = await startTelegramPeer({ now: () => now });
  api = new Api(TEST_TOKEN, { apiRoot: peer.apiRoot });
});
afterAll(async () => {
  await peer?.stop();
});

async function refusal(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof GrammyError) return err;
    throw err;
  }
  throw new Error("expected Telegram to refuse the call");
}

describe("Telegram peer: sending limits", () => {
  it("GIVEN 30 messages to 30 chats in one instant THEN all pass; the 31st gets 429 with retry_after, and passes a second later", async () => {
    now += 60_000;
    for (let i = 0; i < 30; i++) await api.sendMessage(1000 + i, "hi");
    const err = await refusal(api.sendMessage(2000, "hi"));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(1);
    now += 1_000;
    await expect(api.sendMessage(2000, "hi")).resolves.toBeDefined();
  });

  it("GIVEN one private chat THEN a short burst passes, a steady stream faster than one a second does not", async () => {
    now += 60_000;
    for (let i = 0; i < 3; i++) await api.sendMessage(3000, `burst ${i}`);
    const err = await refusal(api.sendMessage(3000, "one too many"));
    expect(err.error_code).toBe(429);
    now += 1_000;
    await api.sendMessage(3000, "a second later");
    now += 500;
    expect((await refusal(api.sendMessage(3000, "half a second later"))).error_code).toBe(429);
  });

  it("GIVEN one group THEN 20 messages a minute pass and the 21st gets 429 until the first leaves the minute", async () => {
    now += 60_000;
    const start = now;
    for (let i = 0; i < 20; i++) {
      await api.sendMessage(-4000, `m${i}`);
      now += 1_000;
    }
    const err = await refusal(api.sendMessage(-4000, "21st"));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(Math.ceil((start + 60_000 - now) / 1000));
    now = start + 60_000;
    await expect(api.sendMessage(-4000, "after a minute")).resolves.toBeDefined();
  });
});

describe("Telegram peer: refusals", () => {
  it("GIVEN an edit to the text and keyboard the message already shows THEN 400 'message is not modified'; a change passes", async () => {
    now += 60_000;
    const keyboard = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const sent = await api.sendMessage(5000, "same", { reply_markup: keyboard });
    const err = await refusal(api.editMessageText(5000, sent.message_id, "same", { reply_markup: keyboard }));
    expect(err.description).toBe(`Bad Request: ${NOT_MODIFIED}`);
    await expect(api.editMessageText(5000, sent.message_id, "changed", { reply_markup: keyboard })).resolves.toBeDefined();
    expect((await refusal(api.editMessageText(5000, sent.message_id, "changed", { reply_markup: keyboard }))).error_code).toBe(400);
  });

  it.each([
    [64, undefined],
    [65, "Bad Request: BUTTON_DATA_INVALID"],
  ])("GIVEN callback_data of %i bytes THEN %s", async (bytes, refused) => {
    now += 60_000;
    const send = api.sendMessage(5100 + bytes, "x", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "é".repeat(bytes / 2) + (bytes % 2 ? "e" : "") }]] } });
    if (refused) expect((await refusal(send)).description).toBe(refused);
    else await expect(send).resolves.toBeDefined();
  });

  it("GIVEN reply_markup that is not a keyboard THEN 400 can't parse", async () => {
    now += 60_000;
    const err = await refusal(api.raw.sendMessage({ chat_id: 5200, text: "x", reply_markup: "{not json" as never }));
    expect(err.description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
  });

  it("GIVEN a press answered after the window THEN 'query is too old'; answered in time THEN accepted", async () => {
    now += 60_000;
    const sent = await api.sendMessage(5300, "press me", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    const user = peer.user({ userId: 5300 });
    await user.press("a", sent.message_id);
    await user.press("a", sent.message_id);
    const updates = await api.getUpdates({ timeout: 0 });
    const [late, early] = updates.map((u) => u.callback_query!.id).slice(-2) as [string, string];
    await api.answerCallbackQuery(early);
    now += CALLBACK_ANSWER_WINDOW_MS + 1;
    expect((await refusal(api.answerCallbackQuery(late))).description).toBe(`Bad Request: ${QUERY_TOO_OLD}`);
  });

  it("GIVEN a group migrated to a supergroup THEN every call with the old id is refused with migrate_to_chat_id", async () => {
    now += 60_000;
    peer.migrateChat(-6000, -1006000);
    const err = await refusal(api.sendMessage(-6000, "hello"));
    expect(err.error_code).toBe(400);
    expect(err.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(err.parameters.migrate_to_chat_id).toBe(-1006000);
    await expect(api.sendMessage(-1006000, "hello")).resolves.toBeDefined();
  });
});
