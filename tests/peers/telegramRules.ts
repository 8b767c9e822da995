/**
 * What Telegram refuses that the emulator accepts, answered the way the Bot API
 * answers (https://core.telegram.org/bots/api), for the Telegram peer:
 * - a group that became a supergroup: every call with its old id gets 400 "group chat
 *   was upgraded to a supergroup chat" with `migrate_to_chat_id`;
 * - reply_markup that is not a keyboard: 400 "can't parse reply keyboard markup JSON
 *   object"; callback_data outside 1-64 bytes: 400 "BUTTON_DATA_INVALID"
 *   (https://core.telegram.org/bots/api#inlinekeyboardbutton);
 * - an edit that changes nothing: 400 "message is not modified";
 * - answerCallbackQuery long after the press: 400 "query is too old". The Bot API docs
 *   give no figure; clients stop waiting after about 15 s, which is what we model;
 * - sending faster than the limits (telegramLimits.ts): 429 with `retry_after`.
 */
import { SENDING_METHODS, TelegramRateLimiter, type TelegramRateLimits } from "./telegramLimits.js";

export interface BotApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const bad = (description: string, parameters?: BotApiError["parameters"]): BotApiError => ({
  ok: false,
  error_code: 400,
  description: `Bad Request: ${description}`,
  ...(parameters ? { parameters } : {}),
});

export const NOT_MODIFIED = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
export const QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
/** How long after a press answerCallbackQuery is still accepted. */
export const CALLBACK_ANSWER_WINDOW_MS = 15_000;
const CALLBACK_DATA_MAX_BYTES = 64;

export interface TelegramRulesOptions {
  now: () => number;
  /** false: no rate limits (a test about something else that sends faster than Telegram allows must say why). */
  rateLimits: TelegramRateLimits | false;
}

export class TelegramRules {
  private readonly migrated = new Map<string, number>();
  /** What each bot message shows now: text and keyboard, by "chat/message". */
  private readonly shown = new Map<string, string>();
  private readonly pressedAt = new Map<string, number>();
  private readonly limiter?: TelegramRateLimiter;

  constructor(private readonly options: TelegramRulesOptions) {
    if (options.rateLimits) this.limiter = new TelegramRateLimiter(options.rateLimits, options.now);
  }

  migrate(oldChatId: number, newChatId: number): void {
    this.migrated.set(String(oldChatId), newChatId);
  }

  /** The error Telegram would answer this call with, or undefined to let it through. Counts a message that passes. */
  refuse(method: string, payload: Record<string, any>): BotApiError | undefined {
    const chatId = payload.chat_id === undefined ? undefined : String(payload.chat_id);
    const to = chatId === undefined ? undefined : this.migrated.get(chatId);
    if (to !== undefined) return bad("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: to });
    if (payload.reply_markup !== undefined) {
      const problem = markupProblem(payload.reply_markup);
      if (problem) return bad(problem);
    }
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      const key = `${chatId}/${payload.message_id}`;
      const now = this.shown.get(key);
      const text = method === "editMessageText" ? String(payload.text ?? "") : now?.split("\u0000")[0];
      if (now !== undefined && now === shownAs(text, payload.reply_markup)) return bad(NOT_MODIFIED);
    }
    if (method === "answerCallbackQuery") {
      const at = this.pressedAt.get(String(payload.callback_query_id));
      if (at !== undefined && this.options.now() - at > CALLBACK_ANSWER_WINDOW_MS) return bad(QUERY_TOO_OLD);
    }
    return undefined;
  }

  /** Counts a message about to be sent, or refuses it with 429 when it would break a rate limit. */
  throttle(method: string, payload: Record<string, any>): BotApiError | undefined {
    if (!this.limiter || payload.chat_id === undefined || !SENDING_METHODS.has(method)) return undefined;
    const retryAfter = this.limiter.take(String(payload.chat_id));
    if (retryAfter === undefined) return undefined;
    return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } };
  }

  /** Remembers what a successful call changed (messages shown, presses delivered). */
  record(method: string, payload: Record<string, any>, result: any): void {
    if (method === "sendMessage" && result?.message_id !== undefined) {
      this.shown.set(`${payload.chat_id}/${result.message_id}`, shownAs(String(payload.text ?? ""), payload.reply_markup));
    } else if (method === "editMessageText") {
      this.shown.set(`${payload.chat_id}/${payload.message_id}`, shownAs(String(payload.text ?? ""), payload.reply_markup));
    } else if (method === "editMessageReplyMarkup") {
      const key = `${payload.chat_id}/${payload.message_id}`;
      this.shown.set(key, shownAs(this.shown.get(key)?.split("\u0000")[0], payload.reply_markup));
    } else if (method === "getUpdates" && Array.isArray(result)) {
      for (const update of result) if (update.callback_query) this.pressedAt.set(String(update.callback_query.id), this.options.now());
    }
  }
}

function shownAs(text: string | undefined, markup: unknown): string {
  const keyboard = typeof markup === "string" ? markup : JSON.stringify(markup ?? null);
  return `${text ?? ""}\u0000${keyboard === "null" ? "" : keyboard}`;
}

/** Why Telegram would refuse this reply_markup, or undefined. Only inline keyboards are checked in depth. */
function markupProblem(raw: unknown): string | undefined {
  const unparsable = "can't parse reply keyboard markup JSON object";
  let markup: unknown = raw;
  if (typeof raw === "string") {
    try {
      markup = JSON.parse(raw);
    } catch {
      return unparsable;
    }
  }
  if (typeof markup !== "object" || markup === null || Array.isArray(markup)) return unparsable;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) return "field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays";
  for (const button of rows.flat() as unknown[]) {
    if (typeof button !== "object" || button === null || typeof (button as { text?: unknown }).text !== "string") return unparsable;
    const data = (button as { callback_data?: unknown }).callback_data;
    if (data !== undefined) {
      const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
      if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) return "BUTTON_DATA_INVALID";
    }
  }
  return undefined;
}
