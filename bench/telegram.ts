import { Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import { loadLibrary } from "../src/content/loader.js";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { type BenchSection, round, timeEach, devQuestions } from "./harness.js";

/**
 * Telegram updates handled per second through `bot.handleUpdate`, with an API
 * transformer that records calls instead of making them (no network, so this
 * measures our code: routing, understanding, the command, HTML rendering,
 * keyboards). Baseline, same run: a bare grammY bot answering every message
 * with a constant string, through the same transformer.
 */
const botInfo: UserFromGetMe = {
  id: 42, is_bot: true, first_name: "Kabar", username: "KabarBot", can_join_groups: true,
  can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false,
  has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
} as UserFromGetMe;

function recorder(calls: { n: number }): Transformer {
  return async (_prev, method, payload) => {
    calls.n++;
    const p = payload as { chat_id?: number; text?: string };
    const result = method === "sendMessage" ? { message_id: calls.n, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } : true;
    return { ok: true, result } as never;
  };
}

function updatesFrom(texts: string[]): Update[] {
  return texts.map((text, i) => ({
    update_id: i + 1,
    message: {
      message_id: i + 1,
      date: 0,
      chat: { id: 1000 + (i % 50), type: "private", first_name: "U" },
      from: { id: 1000 + (i % 50), is_bot: false, first_name: "U", language_code: i % 2 ? "id" : "en" },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}),
    },
  })) as Update[];
}

export const telegramSection: BenchSection = {
  name: "telegram updates",
  async run() {
    const questions = devQuestions();
    const updates = updatesFrom([...questions, "/start", "/reaction france", "/summary short", "/actors", "/help"]);
    const kabar = createKabar(new LibraryHolder(loadLibrary("content")));
    const ours = createTelegramBot({ token: "1:bench", kabar, botInfo });
    const ourCalls = { n: 0 };
    ours.api.config.use(recorder(ourCalls));
    const bare = new Bot("1:bench", { botInfo });
    const bareCalls = { n: 0 };
    bare.api.config.use(recorder(bareCalls));
    bare.on("message", (ctx) => ctx.reply("ok"));

    const rounds = 40;
    for (const u of updates) await ours.handleUpdate(u); // warm-up
    for (const u of updates) await bare.handleUpdate(u);
    const kabarRun = await timeEach(updates, rounds, (u) => ours.handleUpdate(u));
    const bareRun = await timeEach(updates, rounds, (u) => bare.handleUpdate(u));
    return {
      updates: updates.length * rounds,
      kabar_updates_per_s: Math.round(kabarRun.perSecond),
      bare_grammy_updates_per_s: Math.round(bareRun.perSecond),
      // Same direction in every platform section: kabar's throughput as a fraction of the bare bot's.
      ratio_kabar_over_bare: round(kabarRun.perSecond / bareRun.perSecond, 3),
      api_calls_per_update: round(ourCalls.n / (updates.length * (rounds + 1)), 2),
    };
  },
};
