import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { ChatContext } from "../src/core/command.js";
import { Kabar } from "../src/core/kabar.js";
import type { Lang } from "../src/core/lang.js";
import { formatTarget } from "../src/core/target.js";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import { ManualClock } from "../src/digest/clock.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { library, recordingLogger } from "./helpers/core.js";
import type { Logger } from "../src/core/log.js";
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

describe("a chat's language known without waiting (kabar as createKabar wires it)", () => {
  /** The core npm start builds: the chat languages read through the store's cache. */
  function startedKabar(store: SqliteSubscriptionStore, logger?: Logger) {
    const clock = new ManualClock(0);
    return createKabar(new LibraryHolder(library), logger, { [DIGEST_SERVICE]: { store, clock } }, () => clock.now());
  }

  it("GIVEN a chat whose /lang the store holds THEN the first message asks the store (a promise), the next gets it as a value", async () => {
    const store = new SqliteSubscriptionStore(":memory:");
    await store.setChatLang("console", "once", "en", 0);
    const kabar = startedKabar(store);
    const first = kabar.langChoice(CHAT);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ lang: "en" });
    expect(kabar.langChoice(CHAT)).toEqual({ lang: "en" });
  });

  it("GIVEN the store failing on the lookup THEN the answer is in the question's language, and the failure is logged as a warning", async () => {
    const store = new SqliteSubscriptionStore(":memory:");
    await store.close();
    const { logger, lines } = recordingLogger();
    const { reply } = await startedKabar(store, logger).answer("what did france say?", { chat: CHAT });
    expect(reply.lang).toBe("en");
    expect(reply.kind).toBe("reaction");
    expect(lines().some((l) => l.level === 40 && l.msg === "chat language lookup failed")).toBe(true);
  });
});
