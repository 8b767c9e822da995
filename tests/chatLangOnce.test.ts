import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { ChatContext } from "../src/core/command.js";
import { Kabar } from "../src/core/kabar.js";
import type { Lang } from "../src/core/lang.js";
import { formatTarget } from "../src/core/target.js";
import { ChatLanguages } from "../src/digest/chatLanguages.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { library } from "./helpers/core.js";
import { OFFLINE_BOT_INFO, textUpdate } from "./peers/telegramOffline.js";

/**
 * A chat's /lang choice is looked up once per message: the platform asks the
 * core once (Kabar.langChoice) and hands the choice to `answer` / `run`, which
 * use it instead of asking again (it used to be asked three times per message).
 */
function countingKabar(chosen: Lang | undefined) {
  const lookups = { count: 0 };
  const kabar = new Kabar({
    library: () => library,
    commands: COMMANDS,
    chatLang: async () => {
      lookups.count++;
      return chosen;
    },
  });
  return { kabar, lookups };
}

const CHAT: ChatContext = {
  target: formatTarget("console", "once"),
  platform: "console",
  type: "private",
  userId: formatTarget("console", "once"),
  canManage: async () => true,
};

describe("the chat's language is looked up once per message", () => {
  it("GIVEN a question to the core without a choice THEN one lookup, and the reply in the chosen language", async () => {
    const { kabar, lookups } = countingKabar("en");
    const { reply } = await kabar.answer("apa kata prancis?", { chat: CHAT });
    expect([lookups.count, reply.lang]).toEqual([1, "en"]);
  });

  it("GIVEN a choice the platform looked up already THEN the core looks up nothing and honours it", async () => {
    const { kabar, lookups } = countingKabar("id");
    const choice = { lang: "en" as const };
    const { reply } = await kabar.answer("apa kata prancis?", { chat: CHAT, choice });
    const run = await kabar.run({ command: "summary", args: {}, lang: "id" }, CHAT, choice);
    expect([lookups.count, reply.lang, run.lang]).toEqual([0, "en", "en"]);
  });

  it("GIVEN a free-text message and a button press on Telegram THEN one lookup each", async () => {
    const { kabar, lookups } = countingKabar("en");
    const bot = createTelegramBot({ token: "1:once", kabar, botInfo: OFFLINE_BOT_INFO });
    const sent: Array<{ method: string; text?: string }> = [];
    bot.api.config.use(async (_prev, method, payload) => {
      sent.push({ method, text: (payload as { text?: string }).text });
      return { ok: true, result: method === "answerCallbackQuery" ? true : { message_id: 9, date: 0, chat: { id: 601, type: "private" } } } as never;
    });
    const user = { id: 601, is_bot: false, first_name: "Ann", language_code: "id" };
    await bot.handleUpdate(textUpdate({ id: 601, type: "private", first_name: "Ann" }, "apa kata prancis?", user));
    expect(lookups.count).toBe(1);
    expect(sent.at(-1)?.text).toMatch(/France's reaction/);
    const press = {
      update_id: 77_001,
      callback_query: {
        id: "cb1",
        from: user,
        chat_instance: "1",
        data: "k1|reaction|id|actor=un",
        message: { message_id: 9, date: 0, chat: { id: 601, type: "private", first_name: "Ann" }, text: "earlier" },
      },
    } as Update;
    await bot.handleUpdate(press);
    expect(lookups.count).toBe(2);
  });
});

describe("a chat's language known without waiting", () => {
  it("GIVEN a choice the cache holds THEN it is answered as a value, not a promise, by the store's reader and the core", async () => {
    const languages = new ChatLanguages(new SqliteSubscriptionStore(":memory:"), () => 0);
    await languages.set(CHAT, "en");
    expect(languages.get(CHAT)).toBe("en");
    const kabar = new Kabar({ library: () => library, commands: COMMANDS, chatLang: (chat) => languages.get(chat) });
    expect(kabar.langChoice(CHAT)).toEqual({ lang: "en" });
  });

  it("GIVEN a chat not looked up yet THEN the store is asked once, and the answer kept for the next message", async () => {
    const store = new SqliteSubscriptionStore(":memory:");
    await store.setChatLang("console", "once", "id", 0);
    const languages = new ChatLanguages(store, () => 0);
    const first = languages.get(CHAT);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe("id");
    expect(languages.get(CHAT)).toBe("id");
  });

  it("GIVEN a lookup that throws at once THEN the core answers in the question's language, without a promise", () => {
    const kabar = new Kabar({
      library: () => library,
      commands: COMMANDS,
      chatLang: () => {
        throw new Error("store closed");
      },
    });
    expect(kabar.langChoice(CHAT)).toEqual({ lang: undefined });
  });
});
