import { type Api, GrammyError } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";
import { renderTelegramHtml } from "./html.js";
import { keyboardFor } from "./keyboard.js";

/**
 * Posting and editing rendered replies. A reply may span several messages
 * (4,096 characters each); its keyboard goes on the last one, under the text
 * it refers to. Link previews are off: the source line is a citation, not a link to show.
 */
const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

export interface PostOptions {
  /** Answer this message (groups): the reply is threaded under the question. */
  replyTo?: number;
  /** Bot API allow_paid_broadcast: up to 1,000 messages/s, billed in Stars (digests, when TELEGRAM_BROADCAST_RATE > 30). */
  paidBroadcast?: boolean;
  logger?: Logger;
}

interface Rendered {
  chunks: string[];
  keyboard: InlineKeyboardMarkup | undefined;
  /** sendMessage options of each chunk when it answers nothing (the keyboard on the last). */
  options: SendOptions[];
}
type SendOptions = typeof HTML & { reply_markup?: InlineKeyboardMarkup };

/**
 * Renderings of replies still in use: kabar serves a cached command's reply
 * as the same object (per content version), so it is rendered once, not on
 * every request. Weak keys: a reply no cache holds anymore takes its rendering with it.
 */
const rendered = new WeakMap<Reply, Rendered>();

function renderWithKeyboard(reply: Reply, logger?: Logger): Rendered {
  let r = rendered.get(reply);
  if (!r) {
    const chunks = renderTelegramHtml(reply);
    const keyboard = keyboardFor(reply, (label, err) => logger?.warn({ err, label }, "button dropped"));
    const options = chunks.map((_, i): SendOptions => (i === chunks.length - 1 && keyboard ? { ...HTML, reply_markup: keyboard } : HTML));
    r = { chunks, keyboard, options };
    rendered.set(reply, r);
  }
  return r;
}

export async function postReply(api: Api, chatId: number | string, reply: Reply, options: PostOptions = {}): Promise<Message.TextMessage[]> {
  const { chunks, options: sendOptions } = renderWithKeyboard(reply, options.logger);
  const sent: Message.TextMessage[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const answers = i === 0 && options.replyTo !== undefined;
    // The common case sends the rendering's own options object; extras go on a copy, in the order Telegram got them before.
    const other =
      answers || options.paidBroadcast
        ? {
            ...sendOptions[i]!,
            ...(options.paidBroadcast ? { allow_paid_broadcast: true } : {}),
            ...(answers ? { reply_parameters: { message_id: options.replyTo!, allow_sending_without_reply: true } } : {}),
          }
        : sendOptions[i]!;
    sent.push(await api.sendMessage(chatId, chunks[i]!, other));
  }
  return sent;
}

/** Replaces a message's text and keyboard with `reply` (a button press); overflow goes in new messages. */
export async function editToReply(api: Api, chatId: number, messageId: number, reply: Reply, logger?: Logger): Promise<void> {
  // The edited message is the reply's first chunk, the keyboard on it only when it is also the last.
  const { chunks, keyboard, options } = renderWithKeyboard(reply, logger);
  try {
    await api.editMessageText(chatId, messageId, chunks[0] ?? "", options[0] ?? (keyboard ? { ...HTML, reply_markup: keyboard } : HTML));
  } catch (err) {
    // Pressing the button of the section already shown: nothing to change, not a failure.
    if (!(err instanceof GrammyError && /message is not modified/i.test(err.description))) throw err;
  }
  for (let i = 1; i < chunks.length; i++) await api.sendMessage(chatId, chunks[i]!, options[i]!);
}
