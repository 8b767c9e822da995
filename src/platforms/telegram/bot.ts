import { Bot, BotError, Context, type Filter, GrammyError, type Transformer } from "grammy";
import type { Chat, Message, UserFromGetMe } from "grammy/types";
import { decodeCall } from "../../core/callbackData.js";
import type { Kabar } from "../../core/kabar.js";
import { type Lang, langFromLocale } from "../../core/lang.js";
import { unknownCommandReply } from "../../core/standardReplies.js";
import type { Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";
import { t } from "../../core/strings.js";
import { callFromText } from "../../core/textArgs.js";
import { updatesTotal } from "../../ops/metrics.js";
import { chatContextFor } from "./chatContext.js";
import { chatQueue } from "./chatOrder.js";
import { type Addressed, addressedText } from "./groupRules.js";
import { rateLimitRetry, type RetrySleep } from "./rateLimitRetry.js";
import { editToReply, type PostOptions, postReply } from "./post.js";
import { deepLinkCall, startReply } from "./start.js";

/**
 * A grammY Bot wired to kabar: text commands, free text and buttons all
 * become a CommandCall for `kabar.run` (one dispatch path), and the neutral
 * Reply is rendered as Telegram HTML. Construction makes no network call, so
 * tests can pass `botInfo` and drive it with `bot.handleUpdate`.
 */
export interface TelegramBotOptions {
  token: string;
  kabar: Kabar;
  logger?: Logger;
  /** Bot API base URL without a trailing slash (tests point it at a local peer). */
  apiRoot?: string;
  /** Skips getMe at start (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /**
   * Retries of interactive calls on 429/5xx (rateLimitRetry.ts). Capped so
   * a reply never waits minutes: a 429 asking for more than `maxDelaySeconds`
   * fails at once and the error boundary logs it. Network errors are not retried.
   */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /** Waits between retries (a 429's retry_after, a 5xx back-off, the polling back-off); tests pass a manual clock's. */
  sleep?: RetrySleep;
  /**
   * Where API calls go instead of Telegram (benchmarks): installed innermost, in the network's place, so
   * every transformer of ours still runs on each call as in production.
   */
  transport?: Transformer;
  /** Receives the handling of every update, so a stop can wait for the ones in flight (the runner does not). */
  track?: (handling: Promise<unknown>) => void;
}

export const DEFAULT_RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 10 };

/**
 * Updates the bot asks Telegram for; everything else (edits, joins, reactions) is never fetched.
 * Channel posts carry the commands a channel's admins send (e.g. /digest subscribe).
 */
export const ALLOWED_UPDATES = ["message", "channel_post", "callback_query"] as const;

/** kabar_updates_total's labels per kind of update, made once: every update counts. */
const TEXT_LABELS = { platform: "telegram", kind: "text" } as const;
const COMMAND_LABELS = { platform: "telegram", kind: "command" } as const;
const BUTTON_LABELS = { platform: "telegram", kind: "button" } as const;

/** Telegram's limit for a callback answer's notice text. */
const CALLBACK_TEXT_LIMIT = 200;

/**
 * grammY's context carrying what the first middleware read of a message (grammY's way to hand
 * per-update state down the stack): a declared field keeps every context one shape, where a
 * WeakMap keyed by the message made each update an ephemeron for the collector to trace.
 */
export class KabarContext extends Context {
  addressed?: Addressed;
}

/** What an update's order is kept by: its chat, else its sender. */
const orderKey = (ctx: Context) => (ctx.chat ? String(ctx.chat.id) : ctx.from ? `u${ctx.from.id}` : undefined);

/** A message with text, addressed to the bot (the entry has checked). */
type TextContext = KabarContext & { msg: Message & { text: string }; chat: Chat };

export function createTelegramBot(options: TelegramBotOptions): Bot<KabarContext> {
  const { kabar, logger } = options;
  const bot = new Bot<KabarContext>(options.token, {
    ContextConstructor: KabarContext,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {}),
  });
  if (options.transport) bot.api.config.use(options.transport);
  // 429s (counted, each) and 5xx, retried within bounds; one transformer, as each is paid by every update.
  const retry = options.retry ?? DEFAULT_RETRY;
  bot.api.config.use(rateLimitRetry({ ...retry, ...(options.sleep ? { sleep: options.sleep } : {}) }));

  const apologise = async (err: BotError) => {
    const ctx = err.ctx;
    logger?.error(
      { err: err.error, updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id, callback: ctx.callbackQuery?.data },
      "telegram update failed",
    );
    // The chat's /lang choice, like every other reply there (the lookup never throws).
    const lang = (await kabar.chatLang(chatContextFor(ctx, logger))) ?? langFromLocale(ctx.from?.language_code);
    const text = t(lang).genericError;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat) await ctx.reply(text);
    } catch (apologyErr) {
      logger?.warn({ err: apologyErr, chatId: ctx.chat?.id }, "could not send the apology either");
    }
  };
  // One error boundary for every handler, whether updates come from polling, a webhook or handleUpdate.
  const guarded = async <C extends KabarContext>(ctx: C, handle: (ctx: C) => Promise<void>) => {
    try {
      await handle(ctx);
    } catch (error) {
      await apologise(new BotError(error, ctx));
    }
  };

  // The posting options of a private chat, made once: most replies use them.
  const plain: PostOptions = { logger };
  const answerText = async (ctx: TextContext) => {
    const addressed = ctx.addressed;
    if (!addressed) return;
    updatesTotal.inc(addressed.kind === "question" ? TEXT_LABELS : COMMAND_LABELS);
    const chat = chatContextFor(ctx, logger);
    // A language chosen with /lang wins over the user's app language; looked up once, then handed to the core.
    const choice = await kabar.langChoice(chat);
    const lang = choice.lang ?? langFromLocale(ctx.from?.language_code);
    const inGroup = ctx.chat.type === "group" || ctx.chat.type === "supergroup";
    const threaded: PostOptions = inGroup ? { replyTo: ctx.msg.message_id, logger } : plain;
    // "/foo" in a group without our name is probably another bot's command: not a request to us, not counted.
    const forUs = addressed.kind === "question" || addressed.explicit || addressed.command.name === "start" || kabar.command(addressed.command.name);
    if (!forUs) return;
    const gate = kabar.admit(chat, lang);
    if (!gate.answer) {
      if (gate.notice) await postReply(ctx.api, ctx.chat.id, gate.notice, threaded);
      return;
    }
    let reply: Reply;
    if (addressed.kind === "question") {
      reply = (await kabar.answer(addressed.text, { chat, fallbackLang: lang, choice })).reply;
    } else {
      const { name, rest } = addressed.command;
      const def = kabar.command(name);
      if (name === "start" && !def) {
        const call = rest ? deepLinkCall(kabar, rest, lang) : undefined;
        const name = ctx.from?.first_name ?? "";
        reply = call ? await kabar.run(call, chat, choice) : kabar.cachedReply(`start\u0000${lang}\u0000${name}`, () => startReply(kabar, lang, name));
      } else if (def) {
        reply = await kabar.run(callFromText(def, rest, lang), chat, choice);
      } else if (addressed.explicit) {
        // Addressed to us (a private chat, or /foo@ThisBot) but no command of ours.
        reply = unknownCommandReply(name, lang);
      } else {
        return; // "/foo" in a group without our name: probably another bot's command.
      }
    }
    if (inGroup && reply.private && reply.kind === "digest" && ctx.from) {
      // A preview is for the caller only: to their private chat, with a pointer in the group.
      await postPrivately(ctx, ctx.from.id, reply, lang);
      return;
    }
    await postReply(ctx.api, ctx.chat.id, reply, threaded);
  };

  /** Sends `reply` to the user's private chat; says so in the group, or asks them to start a chat first (403). */
  const postPrivately = async (ctx: TextContext, userId: number, reply: Reply, lang: Lang) => {
    let note: string;
    try {
      await postReply(ctx.api, userId, reply, logger ? { logger } : {});
      note = t(lang).sentPrivately;
    } catch (err) {
      if (!(err instanceof GrammyError && err.error_code === 403)) throw err;
      note = t(lang).startPrivateChatFirst(ctx.me.username);
    }
    // Plain text: no parse mode, so nothing in the note needs escaping.
    await ctx.api.sendMessage(ctx.chat.id, note, { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
  };

  const answerButton = async (ctx: Filter<KabarContext, "callback_query:data">) => {
    updatesTotal.inc(BUTTON_LABELS);
    const call = decodeCall(ctx.callbackQuery.data);
    const chat = chatContextFor(ctx, logger);
    // The bot's own notices (a stale button, the limit) follow the chat's /lang choice, as its answers do.
    const choice = await kabar.langChoice(chat);
    const lang = choice.lang ?? call?.lang ?? langFromLocale(ctx.from.language_code);
    const message = ctx.callbackQuery.message;
    if (!call || !kabar.command(call.command) || !message) {
      // Buttons from an older version, or of a message Telegram no longer lets us edit.
      await ctx.answerCallbackQuery({ text: t(lang).staleButton });
      return;
    }
    const gate = kabar.admit(chat, lang);
    if (!gate.answer) {
      // A button press over the limit: the notice as the press's own popup, or nothing (the spinner stops).
      await ctx.answerCallbackQuery(gate.notice ? { text: gate.notice.blocks.join("\n").slice(0, CALLBACK_TEXT_LIMIT) } : {});
      return;
    }
    const reply = await kabar.run(call, chat, choice);
    if (reply.private && message.chat.type !== "private") {
      // A user's mistake (e.g. not an admin) must not replace the group's message for everyone.
      await ctx.answerCallbackQuery({ text: reply.blocks.join("\n").slice(0, CALLBACK_TEXT_LIMIT), show_alert: true });
      return;
    }
    await editToReply(ctx.api, message.chat.id, message.message_id, reply, logger);
    await ctx.answerCallbackQuery();
  };

  // One entry for every update, where a grammY layer per step (`use`, `on`, an error boundary) would wrap
  // each update in two more async functions: messages not for the bot (group chatter, a channel's own
  // posts, anything without text) are dropped first, before tracking and per-chat ordering spend anything
  // on them; the rest is tracked, run in its chat's order (different chats concurrently: the runner is
  // concurrent), and answered inside the error boundary.
  const inOrder = chatQueue();
  const track = options.track;
  bot.use((ctx) => {
    const msg = ctx.update.message ?? ctx.update.channel_post;
    let handling: Promise<void>;
    if (msg) {
      const addressed = addressedText(msg, ctx.me);
      // In a channel only its admins can post: commands are for the bot, other posts are the channel's content.
      if (!addressed || (msg.chat.type === "channel" && addressed.kind !== "command")) return;
      ctx.addressed = addressed;
      handling = inOrder(orderKey(ctx), () => guarded(ctx as TextContext, answerText));
    } else if (ctx.callbackQuery?.data !== undefined) {
      handling = inOrder(orderKey(ctx), () => guarded(ctx as Filter<KabarContext, "callback_query:data">, answerButton));
    } else {
      return;
    }
    track?.(handling);
    return handling;
  });

  // Last resort for errors outside the boundary (the entry's filter, the runner's sink).
  bot.catch((err) => void apologise(err));
  return bot;
}
