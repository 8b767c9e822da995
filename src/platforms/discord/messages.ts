import type { Message } from "discord.js";
import type { Kabar } from "../../core/kabar.js";
import { langFromLocale } from "../../core/lang.js";
import type { Logger } from "../../core/log.js";
import { t } from "../../core/strings.js";
import { updatesTotal } from "../../ops/metrics.js";
import { messageChat } from "./chatContext.js";
import { loggableError } from "./errorLog.js";
import { NO_MENTIONS, preparedMessages } from "./render.js";

/**
 * Messages: in a DM every message is a question; in a server the bot answers
 * only when mentioned or replied to, and ignores the chatter around it.
 * Without the privileged MessageContent intent Discord still delivers the text
 * of DMs and of messages that mention the bot
 * (https://support-dev.discord.com/hc/en-us/articles/4404772028055).
 */
export interface MessageDeps {
  kabar: Kabar;
  logger: Logger;
}

/** The question a message asks the bot, or undefined when it is not addressed to the bot. */
export function questionIn(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.system || message.webhookId) return undefined;
  if (!message.inGuild()) return message.content;
  const mentioned = message.mentions.users.has(botId);
  const repliedToBot = message.mentions.repliedUser?.id === botId;
  if (!mentioned && !repliedToBot) return undefined;
  return message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").trim();
}

export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const botId = message.client.user.id;
  const text = questionIn(message, botId);
  if (text === undefined) return;
  updatesTotal.inc({ platform: "discord", kind: "text" });
  // The words decide the language; a bare "PBB?" falls back to the server's language (English in DMs).
  const serverLang = message.inGuild() ? langFromLocale(message.guild.preferredLocale) : "en";
  const chat = messageChat(message);
  // The bot's own notices here (the limit, an apology) follow the chat's /lang choice, as its answers do.
  const choice = await deps.kabar.langChoice(chat);
  const fallbackLang = choice.lang ?? serverLang;
  try {
    const gate = deps.kabar.admit(chat, fallbackLang);
    if (!gate.answer) {
      if (gate.notice) await message.reply({ content: gate.notice.blocks.join("\n"), allowedMentions: NO_MENTIONS, failIfNotExists: false });
      return;
    }
    const { reply } = await deps.kabar.answer(text, { chat, fallbackLang, choice });
    // A long answer is several replies to the same question, in order.
    for (const body of preparedMessages(reply)) await message.reply({ ...body, failIfNotExists: false });
  } catch (err) {
    deps.logger.error({ err: loggableError(err), messageId: message.id, channelId: message.channelId, guildId: message.guildId }, "discord message failed");
    await message
      .reply({ content: t(fallbackLang).genericError, allowedMentions: NO_MENTIONS, failIfNotExists: false })
      .catch((e: unknown) => deps.logger.warn({ err: loggableError(e), channelId: message.channelId }, "could not send the apology"));
  }
}
