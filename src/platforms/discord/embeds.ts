import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Reply } from "../../core/reply.js";
import { t } from "../../core/strings.js";
import { inert, splitText, truncate } from "./text.js";

/**
 * Renders a neutral Reply as Discord embeds, honouring every embed limit
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * title 256, description 4,096, field name 256 and value 1,024, 25 fields,
 * footer 2,048, 6,000 characters across all embeds of a message, 10 embeds a
 * message. Longer replies continue in further embeds, then further messages.
 */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  total: 6000,
  embedsPerMessage: 10,
} as const;

/** Kabar's own colour, for replies without an actor. */
export const DEFAULT_COLOR = 0x5865f2;

/** Characters Discord counts towards the 6,000 limit. */
export function embedSize(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  n += embed.author?.name.length ?? 0;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** The fields of one quote: speaker and role as the name, the verbatim words, then our translation, marked. */
function quoteFields(reply: Reply): APIEmbedField[] {
  const s = t(reply.lang);
  const out: APIEmbedField[] = [];
  for (const q of reply.quotes) {
    const name = truncate(`${reply.emoji ? `${reply.emoji} ` : ""}${inert(q.speaker)}${q.role ? `, ${inert(q.role)}` : ""}`, EMBED_LIMITS.fieldName);
    let value = `“${inert(q.text)}”`;
    if (q.translation) value += `\n*${s.translationLabel}:* “${inert(q.translation)}”`;
    out.push(...continuedFields(name, value));
  }
  return out;
}

/** A field whose value is too long continues in fields with a blank (zero-width) name. */
function continuedFields(name: string, value: string): APIEmbedField[] {
  // Discord refuses an empty field name or value: a blank name becomes a zero-width space.
  return splitText(value || "-", EMBED_LIMITS.fieldValue).map((piece, i) => ({ name: i === 0 && name ? name : "\u200b", value: piece }));
}

/**
 * Every embed the reply needs, each within the per-embed limits, and leaving
 * room for the footer so each can carry the source.
 */
export function renderEmbeds(reply: Reply): APIEmbed[] {
  const color = reply.color ?? DEFAULT_COLOR;
  const footer = reply.source ? { text: truncate(reply.source, EMBED_LIMITS.footer) } : undefined;
  const budget = EMBED_LIMITS.total - (footer?.text.length ?? 0);
  // Stryker disable next-line ArrayDeclaration: a stray element has no title, text or fields, so the filter below drops it.
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { color };
  if (reply.title) current.title = truncate(inert(reply.title), EMBED_LIMITS.title);
  const next = () => {
    embeds.push(current);
    current = { color };
  };

  const description = reply.blocks.map(inert).join("\n\n");
  for (const piece of splitText(description, EMBED_LIMITS.description)) {
    if (current.description || embedSize(current) + piece.length > budget) next();
    current.description = piece;
  }

  const fields = [
    ...quoteFields(reply),
    ...reply.fields.flatMap((f) => continuedFields(truncate(inert(f.name), EMBED_LIMITS.fieldName), inert(f.value))),
  ];
  for (const field of fields) {
    const count = current.fields?.length ?? 0;
    if (count === EMBED_LIMITS.fields || embedSize(current) + field.name.length + field.value.length > budget) next();
    (current.fields ??= []).push(field);
  }
  embeds.push(current);

  const last = embeds[embeds.length - 1]!;
  if (footer) last.footer = footer;
  // The date of the events as Discord's own timestamp (shown in each reader's locale). Noon UTC keeps
  // the calendar date the same in every time zone from UTC-12 to UTC+11.
  if (reply.eventsDate) last.timestamp = new Date(`${reply.eventsDate}T12:00:00Z`).toISOString();
  const filled = embeds.filter((e) => e.title || e.description || e.fields?.length || e.footer);
  // Discord rejects a message with nothing in it.
  return filled.length > 0 ? filled : [{ color, description: "-" }];
}

/** Groups embeds into messages of at most 10 embeds and 6,000 characters each. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    const full = current.length === EMBED_LIMITS.embedsPerMessage;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: renderEmbeds keeps every embed within 6,000, so a first embed never passes the total alone.
    const started = current.length > 0;
    if (full || (started && size + n > EMBED_LIMITS.total)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
