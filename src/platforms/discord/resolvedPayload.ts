import { type BaseMessageOptions, type Interaction, MessagePayload } from "discord.js";
import type { PreparedMessage } from "./render.js";

/**
 * An interaction answer whose body discord.js has already resolved once.
 *
 * `interaction.reply` / `update` accept a MessagePayload and skip resolving
 * one whose `body` and `files` are set (MessagePayload#resolveBody returns at
 * once). Resolving is the same work every time for the same message: copying
 * every option into API shape, and three `require` calls per answer inside
 * its target-type getters. A served-from-cache reply is the same
 * PreparedMessage object each time, so its body is resolved by discord.js on
 * the first answer and handed back as is afterwards: the bytes on the wire are
 * the ones discord.js produced (the payload tests compare them).
 *
 * Only valid while the body does not depend on the interaction: true for our
 * options (no nonce, since `enforceNonce` is off; no reply reference, files or
 * polls; allowedMentions always given).
 */
type Body = NonNullable<MessagePayload["body"]>;

const bodies = new WeakMap<PreparedMessage, Map<number, Body>>();

export function resolvedPayload(interaction: Interaction, message: PreparedMessage, flags?: number): MessagePayload {
  let byFlags = bodies.get(message);
  if (!byFlags) bodies.set(message, (byFlags = new Map()));
  const options: BaseMessageOptions & { flags?: number } = flags === undefined ? message : { ...message, flags };
  const payload = new MessagePayload(interaction, options);
  const body = byFlags.get(flags ?? 0);
  if (body) {
    payload.body = body;
    payload.files = [];
    return payload;
  }
  payload.resolveBody();
  byFlags.set(flags ?? 0, payload.body!);
  return payload;
}
