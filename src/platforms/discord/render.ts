import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord.js";
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
