import { performance } from "node:perf_hooks";
import { Bot, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import { OFFLINE_BOT_INFO, textUpdate } from "../tests/peers/telegramOffline.js";
import { TelegramPlatform } from "../src/platforms/telegram/telegramPlatform.js";
import { kabarAsStarted } from "./kabarAsStarted.js";
import { understand } from "../src/understand/intent.js";
import { type BenchSection, devQuestions, type Figures, percentile, round } from "./harness.js";
import { bestOf, microsPerUpdate } from "./perUpdate.js";

/**
 * Telegram updates through grammY's `bot.handleUpdate`, one kind at a time, on
 * the bot `npm start` runs (TelegramPlatform over kabar as createKabar wires it),
 * with an API transformer in the network's place that records calls instead of
 * making them (no network, so this measures our code: routing, understanding,
 * follow-up memory, the /lang lookup, the limiter, metrics, the command, HTML
 * rendering, keyboards, our API transformers). Each kind has its baseline in the same run: a
 * bare grammY bot doing the least the same update needs (a constant reply, a
 * constant edit for a button, nothing for group chatter it ignores too),
 * through the same transformer.
 */
const botInfo = OFFLINE_BOT_INFO;

function recorder(): Transformer {
  let n = 0;
  return async (_prev, method, payload) => {
    n++;
    const p = payload as { chat_id?: number; text?: string };
    const result = method === "sendMessage" || method === "editMessageText" ? { message_id: n, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } : true;
    return { ok: true, result } as never;
  };
}

const user = (i: number) => ({ id: 1000 + (i % 50), is_bot: false, first_name: "U", language_code: i % 2 ? "id" : "en" });

/** 50 users in private chats, alternating Indonesian and English apps. */
function privateUpdates(texts: string[]): Update[] {
  return texts.map((text, i) => textUpdate({ id: user(i).id, type: "private", first_name: "U" }, text, user(i)));
}

/** Chatter in 10 groups, neither a command, nor a mention, nor a reply to the bot. */
function groupChatter(texts: string[]): Update[] {
  return texts.map((text, i) => textUpdate({ id: -100500 - (i % 10), type: "supergroup", title: "G" }, text, user(i)));
}

let callbackId = 0;
function buttonUpdates(data: string[]): Update[] {
  return data.map((d, i) => {
    const from = user(i);
    return {
      update_id: 500_000 + ++callbackId,
      callback_query: { id: `cb${callbackId}`, from, chat_instance: "1", data: d, message: { message_id: 7, date: 0, chat: { id: from.id, type: "private", first_name: "U" }, text: "x" } },
    } as Update;
  });
}

const COMMANDS = ["/reaction france", "/reaction rusia", "/summary short", "/summary", "/actors", "/help", "/source", "/background", "/quote pbb", "/start"];
const BUTTONS = ["k1|reaction|en|actor=france", "k1|reaction|id|actor=un", "k1|summary|en|", "k1|summary|id|length=short", "k1|background|en|topic=russia-role", "k1|actors|id|", "k1|quote|en|actor=russia"];
const CHATTER = ["lunch anyone?", "lol", "who's coming tonight", "ok see you at 7", "did you see the game", "haha", "France won again", "brb", "kapan rapat?", "siap bos"];

/** The bot `npm start` runs (TelegramPlatform: its transformers, in-flight tracking), the recorder in the network's place. */
function kabarBot(started: ReturnType<typeof kabarAsStarted>): Bot {
  const { kabar, logger, dataDir } = started;
  return new TelegramPlatform({ token: "1:bench", kabar, logger, dataDir, botInfo, transport: recorder() }).bot;
}

function bareBot(kind: "reply" | "button" | "ignore"): Bot {
  const bot = new Bot("1:bench", { botInfo });
  bot.api.config.use(recorder());
  if (kind === "reply") bot.on("message:text", (ctx) => ctx.reply("ok"));
  if (kind === "button") {
    bot.on("callback_query:data", async (ctx) => {
      await ctx.editMessageText("ok");
      await ctx.answerCallbackQuery();
    });
  }
  // Ignores group chatter the way any bot must: it looks at the chat and does nothing.
  if (kind === "ignore") bot.on("message:text", (ctx) => (ctx.chat.type === "private" ? ctx.reply("ok") : undefined));
  return bot;
}

/** µs per update for kabar and the bare bot on the same updates, and kabar's throughput as a fraction of the bare bot's. */
async function kind(name: string, updates: Update[], ours: Bot, bare: Bot, rounds: number, before?: () => void): Promise<Figures> {
  const run = (bot: Bot) => microsPerUpdate(updates, rounds, (u) => bot.handleUpdate(u), before);
  const { ours: us, bare: them } = await bestOf(3, () => run(ours), () => run(bare));
  return {
    [`${name}_kabar_us`]: round(us, 1),
    [`${name}_bare_us`]: round(them, 1),
    [`${name}_ratio`]: round(them / us, 3),
  };
}

export const telegramSection: BenchSection = {
  name: "telegram updates",
  async run() {
    const started = kabarAsStarted();
    const kabar = started.kabar;
    const questions = devQuestions();
    const figures: Figures = {};
    const replying = bareBot("reply");
    const ours = kabarBot(started);
    // Warm-up: JIT, lazy indexes, and the caches a running bot has filled.
    for (const u of [...privateUpdates([...COMMANDS, ...questions]), ...buttonUpdates(BUTTONS)]) await ours.handleUpdate(u);
    for (const u of privateUpdates(COMMANDS)) await replying.handleUpdate(u);

    Object.assign(figures, await kind("commands", privateUpdates(COMMANDS), ours, replying, 1000));
    Object.assign(figures, await kind("buttons", buttonUpdates(BUTTONS), ours, bareBot("button"), 1500));
    Object.assign(figures, await kind("repeated_questions", privateUpdates(questions), ours, replying, 250));
    // First-seen questions: every round starts with empty caches, as if each question were new.
    Object.assign(figures, await kind("first_seen_questions", privateUpdates(questions), ours, replying, 10, () => kabar.clearCaches()));
    Object.assign(figures, await kind("ignored_chatter", groupChatter(CHATTER), ours, bareBot("ignore"), 2000));

    // The understanding step alone (no question cache), per question: wall µs of 10 runs in a row, the
    // best of 7 such batches (the least disturbed by other processes), then the median and the slowest
    // over the development questions. The batches go round the questions, so each question's are spread
    // over the whole measurement: a second in which the shared host runs slow costs no question all of them.
    const article = kabar.library.newest();
    const perQuestion = questions.map(() => Infinity);
    for (let b = 0; b < 7; b++) {
      questions.forEach((q, i) => {
        const t0 = performance.now();
        for (let r = 0; r < 10; r++) understand(q, article, "id");
        perQuestion[i] = Math.min(perQuestion[i]!, ((performance.now() - t0) * 1000) / 10);
      });
    }
    perQuestion.sort((a, b) => a - b);
    figures.understand_first_seen_median_us = round(percentile(perQuestion, 50), 1);
    figures.understand_first_seen_max_us = round(perQuestion[perQuestion.length - 1]!, 1);
    return figures;
  },
};
