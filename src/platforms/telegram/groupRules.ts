import type { Message, UserFromGetMe } from "grammy/types";
import { parseCommandText, type ParsedCommandText } from "../../core/textArgs.js";

/**
 * What a text message asks of the bot, or nothing. In private chats every
 * message is for the bot. In groups the bot answers only commands (bare, or
 * "/cmd@ThisBot"; "/cmd@OtherBot" belongs to another bot), messages that
 * mention it, and replies to its own messages; other chatter is ignored
 * silently. With privacy mode on (the BotFather default) Telegram only
 * delivers those messages anyway; with it off, this keeps the bot quiet.
 */
export type Addressed =
  | { kind: "command"; command: ParsedCommandText; explicit: boolean }
  | { kind: "question"; text: string };

/** The patterns that find and strip "@ThisBot" in a text, built once per bot name (not once per message). */
interface MentionPatterns {
  handle: string;
  find: RegExp;
  strip: RegExp;
}
const patternsByName = new Map<string, MentionPatterns>();

function mentionPatterns(username: string): MentionPatterns {
  let patterns = patternsByName.get(username);
  // Stryker disable next-line ConditionalExpression: building the patterns again gives the same patterns; the cache only saves the work.
  if (!patterns) {
    patterns = { handle: `@${username}`.toLowerCase(), find: new RegExp(`(^|\\s)@${username}\\b`, "i"), strip: new RegExp(`@${username}\\b`, "gi") };
    patternsByName.set(username, patterns);
  }
  return patterns;
}

function mentionsMe(message: Message, text: string, me: UserFromGetMe): { found: boolean; text: string } {
  const { handle, find, strip } = mentionPatterns(me.username);
  let found = false;
  let stripped = text;
  // Stryker disable next-line ArrayDeclaration: a stand-in element has no type, so it matches neither kind of mention, like no element.
  for (const e of message.entities ?? []) {
    if (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) found = true;
    if (e.type === "text_mention" && e.user.id === me.id) found = true;
  }
  // Clients do not always send entities (and emulators never do): fall back to the text.
  if (!found && find.test(text)) found = true;
  // Stryker disable next-line ConditionalExpression,StringLiteral: the stripped text is used only when found; and a handle has no letter, digit or _ on either side (a mention by Telegram, \b here), so taking it out without a space joins no two words.
  if (found) stripped = text.replace(strip, " ").replace(/\s+/g, " ").trim();
  return { found, text: stripped };
}

export function addressedText(message: Message, me: UserFromGetMe): Addressed | undefined {
  const text = message.text;
  if (text === undefined) return undefined;
  const isPrivate = message.chat.type === "private";
  const command = parseCommandText(text);
  if (command) {
    if (command.mention && command.mention.toLowerCase() !== me.username.toLowerCase()) return undefined;
    return { kind: "command", command, explicit: isPrivate || command.mention !== undefined };
  }
  if (isPrivate) return { kind: "question", text };
  const mention = mentionsMe(message, text, me);
  if (mention.found) return { kind: "question", text: mention.text };
  if (message.reply_to_message?.from?.id === me.id) return { kind: "question", text };
  return undefined;
}
