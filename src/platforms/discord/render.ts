import type { APIActionRowComponent, APIButtonComponent, APIEmbed, JSONEncodable } from "discord.js";
import type { Reply } from "../../core/reply.js";
import { renderButtons } from "./buttons.js";
import { packEmbeds, renderEmbeds } from "./embeds.js";

/** One Discord message body, ready for a channel post, an interaction reply or an update. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Nothing we send ever pings: not @everyone, not roles, not users, not the person replied to. */
  allowedMentions: { parse: []; repliedUser: false };
}

export const NO_MENTIONS = { parse: [] as [], repliedUser: false as const };

/** A reply as one or more messages; the buttons go on the last, under the end of the answer. */
export function renderReply(reply: Reply): DiscordMessage[] {
  const groups = packEmbeds(renderEmbeds(reply));
  const buttons = renderButtons(reply);
  return groups.map((embeds, i) => ({
    embeds,
    components: i === groups.length - 1 ? buttons : [],
    allowedMentions: NO_MENTIONS,
  }));
}

/**
 * A message body as discord.js should send it: every embed and row carries
 * its finished API JSON (`toJSON`), which discord.js sends as is. Plain
 * objects it would copy key by key through its snake_case converter, about a
 * third of an interaction's cost; ours are API JSON already.
 */
export interface PreparedMessage {
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
    messages = renderReply(reply).map((m) => ({ embeds: m.embeds.map(asIs), components: m.components.map(asIs), allowedMentions: m.allowedMentions }));
    prepared.set(reply, messages);
  }
  return messages;
}
