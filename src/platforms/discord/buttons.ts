import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import { decodeCall, encodeCall } from "../../core/callbackData.js";
import type { CommandCall, Reply } from "../../core/reply.js";

/**
 * Follow-ups become buttons whose custom_id is the encoded command call, so a
 * press runs through the same dispatch as a slash command. Discord allows 5
 * buttons a row, 5 rows a message, labels of 80 characters and custom_ids of
 * 100 (https://discord.com/developers/docs/components/reference#button).
 */
const MAX_BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const MAX_LABEL = 80;
export const MAX_CUSTOM_ID = 100;

export function renderButtons(reply: Reply): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const followUp of reply.followUps) {
    let customId: string;
    try {
      customId = encodeCall(followUp.call);
    } catch {
      // A call too long to encode loses its button rather than the whole reply (as on Telegram).
      continue;
    }
    if (customId.length > MAX_CUSTOM_ID || seen.has(customId)) continue;
    seen.add(customId);
    const label = followUp.label.length > MAX_LABEL ? `${followUp.label.slice(0, MAX_LABEL - 1)}…` : followUp.label;
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId });
    if (buttons.length === MAX_BUTTONS_PER_ROW * MAX_ROWS) break;
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}

/** The call a pressed button stands for, or undefined for a button this version did not make. */
export function callFromButton(customId: string): CommandCall | undefined {
  return decodeCall(customId);
}
