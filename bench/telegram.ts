import { Bot, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import { OFFLINE_BOT_INFO, textUpdate } from "../tests/peers/telegramOffline.js";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { testKabar } from "../tests/helpers/core.js";
import { type BenchSection, round, timeEach, devQuestions } from "./harness.js";

/**
 * Telegram updates handled per second through `bot.handleUpdate`, with an API
 * transformer that records calls instead of making them (no network, so this
 * measures our code: routing, understanding, the command, HTML rendering,
 * keyboards). Baseline, same run: a bare grammY bot answering every message
 * with a constant string, through the same transformer.
 */
const botInfo = OFFLINE_BOT_INFO;

function recorder(calls: { n: number }): Transformer {
  return async (_prev, method, payload) => {
    calls.n++;
    const p = payload as { chat_id?: number; text?: string };
    const result = method === "sendMessage" ? { message_id: calls.n, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } : true;
    return { ok: true, result } as never;
  };
}

/** 50 users in private chats, alternating Indonesian and English apps. */
function updatesFrom(texts: string[]): Update[] {
  return texts.map((text, i) => {
    const id = 1000 + (i % 50);
    return textUpdate({ id, type: "private", first_name: "U" }, text, { id, is_bot: false, first_name: "U", language_code: i % 2 ? "id" : "en" });
  });
}

export const telegramSection: BenchSection = {
  name: "telegram updates",
  async run() {
    const questions = devQuestions();
    const updates = updatesFrom([...questions, "/start", "/reaction france", "/summary short", "/actors", "/help"]);
    const kabar = testKabar();
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
