import type { Api, Context } from "grammy";
import type { ChatContext } from "../../core/command.js";
import type { Logger } from "../../core/log.js";
import { formatTarget } from "../../core/target.js";

/**
 * Who is asking and where, for every call a Telegram update makes.
 * `canManage` asks Telegram lazily (only commands that need it pay the
 * getChatMember round trip): private chats always may; in groups the caller
 * must be the creator or an administrator; in channels only admins can post
 * at all. A failed lookup answers "no".
 */
export function chatTypeOf(type: string): ChatContext["type"] {
  if (type === "private") return "private";
  if (type === "channel") return "channel";
  return "group"; // "group" and "supergroup"
}

export function telegramTarget(chatId: number | string): string {
  return formatTarget("telegram", chatId);
}

export function chatContextFor(ctx: Context, logger?: Logger): ChatContext | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  const type = chatTypeOf(chat.type);
  const fromId = ctx.from?.id;
  const api: Api = ctx.api;
  let cached: Promise<boolean> | undefined;
  return {
    target: telegramTarget(chat.id),
    platform: "telegram",
    type,
    ...(fromId !== undefined ? { userId: formatTarget("telegram", fromId) } : {}),
    canManage() {
      // Only a channel's admins can post in it, so a command there comes from one (often signed as the channel, with no user).
      if (type === "private" || type === "channel") return Promise.resolve(true);
      if (fromId === undefined) return Promise.resolve(false);
      cached ??= api.getChatMember(chat.id, fromId).then(
        (member) => member.status === "creator" || member.status === "administrator",
        (err: unknown) => {
          logger?.warn({ err, chatId: chat.id, userId: fromId }, "getChatMember failed; treating the caller as not an administrator");
          return false;
        },
      );
      return cached;
    },
  };
}
