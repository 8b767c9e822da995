import type { APIActionRowComponent, APIButtonComponent, APIEmbed, JSONEncodable } from "discord.js";
import type { Reply } from "../../core/reply.js";
import { renderButtons } from "./buttons.js";
import { MAX_MESSAGES_PER_REPLY } from "../../core/replyLimits.js";
import { t } from "../../core/strings.js";
import { packEmbeds, renderEmbeds } from "./embeds.js";
import { inert, truncate } from "./text.js";

/** One Discord message body, ready for a channel post, an interaction reply or an update. */
export interface DiscordMessage {
  /** Only on the last message of an answer cut short: the note saying so. */
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Nothing we send ever pings: not @everyone, not roles, not users, not the person replied to. */
  allowedMentions: { parse: []; repliedUser: false };
}

export const NO_MENTIONS = { parse: [] as [], repliedUser: false as const };

/** A reply as one or more messages; the buttons go on the last, under the end of the answer. */
export function renderReply(reply: Reply): DiscordMessage[] {
  const all = packEmbeds(renderEmbeds(reply));
  const buttons = renderButtons(reply);
  // At most MAX_MESSAGES_PER_REPLY messages: the last of a longer answer says so in its text, with the source
  // (the footer carrying it was on an embed that is cut off).
  const cut = all.length > MAX_MESSAGES_PER_REPLY;
  const groups = cut ? all.slice(0, MAX_MESSAGES_PER_REPLY) : all;
  const pointer = truncate(inert(`${t(reply.lang).replyCut}${reply.source ? `\n${reply.source}` : ""}`), MESSAGE_CONTENT_LIMIT);
  return groups.map((embeds, i) => ({
    ...(cut && i === groups.length - 1 ? { content: pointer } : {}),
    embeds,
    components: i === groups.length - 1 ? buttons : [],
    allowedMentions: NO_MENTIONS,
  }));
}

/** A message's own text (https://discord.com/developers/docs/resources/message#create-message). */
const MESSAGE_CONTENT_LIMIT = 2000;

/**
 * A message body as discord.js should send it: every embed and row carries
 * its finished API JSON (`toJSON`), which discord.js sends as is. Plain
 * objects it would copy key by key through its snake_case converter, about a
 * third of an interaction's cost; ours are API JSON already.
 */
export interface PreparedMessage {
  content?: string;
  embeds: JSONEncodable<APIEmbed>[];
  components: JSONEncodable<APIActionRowComponent<APIButtonComponent>>[];
  allowedMentions: DiscordMessage["allowedMentions"];
}

const asIs = <T>(data: T): JSONEncodable<T> => ({ toJSON: () => data });

/** Kabar serves a cached reply as the same object: it is rendered once. Weak keys let the rendering go with the reply. */
const prepared = new WeakMap<Reply, PreparedMessage[]>();

export function preparedMessages(reply: Reply): PreparedMessage[] {
  let messages = prepared.get(reply);
  if (!messages) {
    messages = renderReply(reply).map((m) => ({
      ...(m.content !== undefined ? { content: m.content } : {}),
      embeds: m.embeds.map(asIs),
      components: m.components.map(asIs),
      allowedMentions: m.allowedMentions,
    }));
    prepared.set(reply, messages);
  }
  return messages;
}
