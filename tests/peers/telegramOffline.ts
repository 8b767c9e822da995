import type { Chat, Update, User, UserFromGetMe } from "grammy/types";

/**
 * Driving grammY offline (`new Bot(token, { botInfo })` + `bot.handleUpdate`)
 * for what the local emulator cannot send (channel posts) and for benchmarks:
 * a complete `getMe` answer and text updates shaped like Telegram's.
 */
export const OFFLINE_BOT_INFO = {
  id: 4242,
  is_bot: true,
  first_name: "Kabar",
  username: "KabarTestBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

let nextUpdateId = 1;

/**
 * A text message as Telegram delivers it: in `channel_post` for channels
 * (signed by the channel, no user), in `message` otherwise; a leading
 * "/command" carries the bot_command entity grammY's `command()` needs.
 */
export function textUpdate(chat: Chat, text: string, from?: User): Update {
  const id = nextUpdateId++;
  const message = {
    message_id: id,
    date: 0,
    chat,
    text,
    ...(from ? { from } : {}),
    ...(chat.type === "channel" ? { sender_chat: chat } : {}),
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] } : {}),
  };
  return (chat.type === "channel" ? { update_id: id, channel_post: message } : { update_id: id, message }) as Update;
}
