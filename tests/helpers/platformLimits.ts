/**
 * The platforms' limits as their documentation states them, written here and
 * never imported from src/: a test that reads the code's own constant cannot
 * notice that constant being wrong. The fakes (tests/peers/) enforce these too.
 */

/** https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const DISCORD_EMBED = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** title + description + field names and values + footer text + author name, over every embed of a message. */
  total: 6000,
  /** https://discord.com/developers/docs/resources/message#create-message-jsonform-params ("Up to 10 rich embeds"). */
  perMessage: 10,
} as const;

/** https://discord.com/developers/docs/resources/message#create-message-jsonform-params */
export const DISCORD_CONTENT = 2000;
/** https://discord.com/developers/docs/components/reference#button (custom_id "max 100 characters"; label 80). */
export const DISCORD_CUSTOM_ID = 100;
export const DISCORD_BUTTON_LABEL = 80;

/** https://core.telegram.org/bots/api#sendmessage: "1-4096 characters after entities parsing". */
export const TELEGRAM_TEXT = 4096;
/** https://core.telegram.org/bots/api#inlinekeyboardbutton: callback_data "1-64 bytes". */
export const TELEGRAM_CALLBACK_DATA_BYTES = 64;
/** https://core.telegram.org/bots/api#answercallbackquery: text "0-200 characters". */
export const TELEGRAM_CALLBACK_ANSWER = 200;

/** What Discord counts towards `DISCORD_EMBED.total`, per the documentation (not the code's embedSize). */
export function discordEmbedChars(embed: {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}): number {
  let n = (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}
