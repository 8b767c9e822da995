import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { encodeCall } from "../../core/callbackData.js";
import type { Reply } from "../../core/reply.js";

/**
 * A reply's follow-ups as an inline keyboard: each button carries the command
 * call it stands for (`encodeCall`, at most 64 bytes of callback_data), so a
 * press runs the same `kabar.run` a typed command does.
 */
const PER_ROW = 2;

export function keyboardFor(reply: Reply, onSkipped?: (label: string, err: unknown) => void): InlineKeyboardMarkup | undefined {
  const buttons: InlineKeyboardButton[] = [];
  for (const followUp of reply.followUps) {
    try {
      buttons.push({ text: followUp.label, callback_data: encodeCall(followUp.call) });
    } catch (err) {
      // A call too long for callback_data loses its button rather than the whole reply.
      onSkipped?.(followUp.label, err);
    }
  }
  if (buttons.length === 0) return undefined;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) rows.push(buttons.slice(i, i + PER_ROW));
  return { inline_keyboard: rows };
}
