import { type Api, GrammyError } from "grammy";
import type { Message } from "grammy/types";
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

function renderWithKeyboard(reply: Reply, logger?: Logger) {
  const chunks = renderTelegramHtml(reply);
  const keyboard = keyboardFor(reply, (label, err) => logger?.warn({ err, label }, "button dropped"));
  return { chunks, keyboard };
}

export async function postReply(api: Api, chatId: number | string, reply: Reply, options: PostOptions = {}): Promise<Message.TextMessage[]> {
  const { chunks, keyboard } = renderWithKeyboard(reply, options.logger);
  const sent: Message.TextMessage[] = [];
  for (const [i, html] of chunks.entries()) {
    sent.push(
      await api.sendMessage(chatId, html, {
        ...HTML,
        ...(i === chunks.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
        ...(options.paidBroadcast ? { allow_paid_broadcast: true } : {}),
        ...(i === 0 && options.replyTo !== undefined
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
      }),
    );
  }
  return sent;
}

/** Replaces a message's text and keyboard with `reply` (a button press); overflow goes in new messages. */
export async function editToReply(api: Api, chatId: number, messageId: number, reply: Reply, logger?: Logger): Promise<void> {
  const { chunks, keyboard } = renderWithKeyboard(reply, logger);
  const [first = "", ...rest] = chunks;
  try {
    await api.editMessageText(chatId, messageId, first, {
      ...HTML,
      ...(rest.length === 0 && keyboard ? { reply_markup: keyboard } : {}),
    });
  } catch (err) {
    // Pressing the button of the section already shown: nothing to change, not a failure.
    if (!(err instanceof GrammyError && /message is not modified/i.test(err.description))) throw err;
  }
  for (const [i, html] of rest.entries()) {
    await api.sendMessage(chatId, html, { ...HTML, ...(i === rest.length - 1 && keyboard ? { reply_markup: keyboard } : {}) });
  }
}
