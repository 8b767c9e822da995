import { describe, expect, it } from "vitest";
import { decodeCall, encodeCall } from "../src/core/callbackData.js";
import { makeReply, type Reply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { renderReply } from "../src/platforms/discord/render.js";
import { renderTelegramHtml } from "../src/platforms/telegram/html.js";
import { keyboardFor } from "../src/platforms/telegram/keyboard.js";
import { testKabar } from "./helpers/core.js";
import { DISCORD_EMBED, discordEmbedChars, TELEGRAM_CALLBACK_DATA_BYTES, TELEGRAM_TEXT } from "./helpers/platformLimits.js";

/**
 * Every limit at n - 1, n and n + 1, with n written from the platform's
 * documentation (tests/helpers/platformLimits.ts), never read from the code.
 * An off-by-one on either side of a limit fails one of these.
 */
const around = (n: number) => [n - 1, n, n + 1] as const;
const notice = (over: Partial<Reply>): Reply => makeReply({ kind: "notice", lang: "en", title: "", ...over });

describe("the 1,000-character question limit", () => {
  /** Our own rule (README: a pasted essay is not a question): 1,000 characters after trimming. */
  const LIMIT = 1000;
  const question = (n: number) => `  ${"apa kata prancis ".repeat(70).slice(0, n - 1)}?  `;

  it.each(around(LIMIT))("GIVEN a question of %i characters THEN it is answered only up to 1,000", async (n) => {
    expect(question(n).trim()).toHaveLength(n);
    const { reply, call } = await testKabar().answer(question(n), { fallbackLang: "en" });
    const refused = reply.blocks.join("\n").includes(t("en").messageTooLong(LIMIT));
    expect(refused).toBe(n > LIMIT);
    expect(call === undefined).toBe(n > LIMIT);
  });
});

describe("the 1,000-character limit on a command call's arguments (Telegram command, Discord slash)", () => {
  const LIMIT = 1000;
  it.each(around(LIMIT))("GIVEN arguments of %i characters in all THEN refused only past 1,000", async (n) => {
    // Two arguments: the limit is on their sum, as for one question.
    const reply = await testKabar().run({ command: "reaction", lang: "en", args: { actor: "y".repeat(n - 10), article: "z".repeat(10) } });
    expect(reply.blocks.join("\n").includes(t("en").messageTooLong(LIMIT))).toBe(n > LIMIT);
  });
});

describe("Telegram: 4,096 characters a message", () => {
  it.each(around(TELEGRAM_TEXT))("GIVEN two paragraphs that make %i characters with the blank line between them THEN one message only up to 4,096", (n) => {
    // Two paragraphs joined by "\n\n": the separator's two characters count.
    const first = "a".repeat(2000);
    const second = "b".repeat(n - 2000 - 2);
    const messages = renderTelegramHtml(notice({ blocks: [first, second] }));
    if (n <= TELEGRAM_TEXT) expect(messages).toEqual([`${first}\n\n${second}`]);
    else expect(messages).toEqual([first, second]);
  });

  it.each(around(TELEGRAM_TEXT))("GIVEN three paragraphs that make %i characters with both blank lines THEN one message only up to 4,096", (n) => {
    // Every separator counts, not only the one before the last paragraph.
    const [first, second] = ["a".repeat(1000), "b".repeat(1000)];
    const third = "c".repeat(n - 2000 - 4);
    const messages = renderTelegramHtml(notice({ blocks: [first, second, third] }));
    if (n <= TELEGRAM_TEXT) expect(messages).toEqual([`${first}\n\n${second}\n\n${third}`]);
    else expect(messages).toEqual([`${first}\n\n${second}`, third]);
  });

  it.each(around(TELEGRAM_TEXT))("GIVEN one paragraph of %i characters THEN it is split only past 4,096, into parts that fit", (n) => {
    const text = "w ".repeat(n).slice(0, n - 1) + "z";
    const messages = renderTelegramHtml(notice({ blocks: [text] }));
    expect(messages.length).toBe(n <= TELEGRAM_TEXT ? 1 : 2);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(TELEGRAM_TEXT);
    expect(messages.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
});

describe("Discord: embed limits", () => {
  const embedsOf = (reply: Reply) => renderReply(reply).flatMap((m) => m.embeds);

  it.each(around(DISCORD_EMBED.title))("GIVEN a title of %i characters THEN it is kept whole up to 256, cut to 256 with an ellipsis past it", (n) => {
    const [embed] = embedsOf(notice({ title: "t".repeat(n), blocks: ["x"] }));
    if (n <= DISCORD_EMBED.title) expect(embed!.title).toBe("t".repeat(n));
    else expect(embed!.title).toBe(`${"t".repeat(DISCORD_EMBED.title - 1)}…`);
  });

  it.each(around(DISCORD_EMBED.description))("GIVEN a text of %i characters THEN one description up to 4,096, two past it", (n) => {
    const embeds = embedsOf(notice({ blocks: ["d".repeat(n)] }));
    expect(embeds.map((e) => e.description!.length)).toEqual(n <= DISCORD_EMBED.description ? [n] : [DISCORD_EMBED.description, n - DISCORD_EMBED.description]);
  });

  it.each(around(DISCORD_EMBED.fields))("GIVEN %i fields THEN one embed holds up to 25, the rest go to the next", (n) => {
    const fields = Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: "v" }));
    const embeds = embedsOf(notice({ fields }));
    expect(embeds.map((e) => e.fields!.length)).toEqual(n <= DISCORD_EMBED.fields ? [n] : [DISCORD_EMBED.fields, n - DISCORD_EMBED.fields]);
  });

  it.each(around(DISCORD_EMBED.fieldValue))("GIVEN a field value of %i characters THEN one field up to 1,024, continued in a second past it", (n) => {
    const [embed] = embedsOf(notice({ fields: [{ name: "n", value: "v".repeat(n) }] }));
    const lengths = embed!.fields!.map((f) => f.value.length);
    expect(lengths).toEqual(n <= DISCORD_EMBED.fieldValue ? [n] : [DISCORD_EMBED.fieldValue, n - DISCORD_EMBED.fieldValue]);
  });

  it.each(around(DISCORD_EMBED.fieldName))("GIVEN a field name of %i characters THEN it is kept up to 256, cut to 256 past it", (n) => {
    const [embed] = embedsOf(notice({ fields: [{ name: "n".repeat(n), value: "v" }] }));
    if (n <= DISCORD_EMBED.fieldName) expect(embed!.fields![0]!.name).toBe("n".repeat(n));
    else expect(embed!.fields![0]!.name).toBe(`${"n".repeat(DISCORD_EMBED.fieldName - 1)}…`);
  });

  it.each(around(DISCORD_EMBED.footerText))("GIVEN a source line of %i characters THEN the footer keeps it up to 2,048, cut to 2,048 past it", (n) => {
    const embeds = embedsOf(notice({ blocks: ["x"], source: "s".repeat(n) }));
    const footer = embeds.at(-1)!.footer!.text;
    if (n <= DISCORD_EMBED.footerText) expect(footer).toBe("s".repeat(n));
    else expect(footer).toBe(`${"s".repeat(DISCORD_EMBED.footerText - 1)}…`);
  });

  it.each(around(DISCORD_EMBED.total))("GIVEN a reply of %i characters in all THEN one message up to 6,000, two past it, each within 6,000", (n) => {
    // Six fields of 1,000 characters (name 1 + value 999), the last one shorter or longer to make n.
    const fields = Array.from({ length: 6 }, (_, i) => ({ name: `${i}`, value: "v".repeat(i < 5 ? 999 : n - 5001) }));
    const messages = renderReply(notice({ fields }));
    expect(messages).toHaveLength(n <= DISCORD_EMBED.total ? 1 : 2);
    for (const m of messages) expect(m.embeds.reduce((sum, e) => sum + discordEmbedChars(e), 0)).toBeLessThanOrEqual(DISCORD_EMBED.total);
  });

  it.each(around(DISCORD_EMBED.perMessage))("GIVEN a reply that needs %i embeds THEN one message holds up to 10, the rest go to the next", (k) => {
    const fields = Array.from({ length: DISCORD_EMBED.fields * k }, (_, i) => ({ name: `${i}`, value: "v" }));
    const messages = renderReply(notice({ fields }));
    expect(messages.map((m) => m.embeds.length)).toEqual(k <= DISCORD_EMBED.perMessage ? [k] : [DISCORD_EMBED.perMessage, k - DISCORD_EMBED.perMessage]);
  });
});

describe("button data: Telegram's 64 bytes of callback_data", () => {
  // "k1|reaction|en|actor=" is 21 bytes; the actor makes up the rest.
  const call = (bytes: number) => ({ command: "reaction", lang: "en" as const, args: { actor: "a".repeat(bytes - 21) } });

  it.each(around(TELEGRAM_CALLBACK_DATA_BYTES))("GIVEN a call that encodes to %i bytes THEN it is encoded up to 64 and refused past it", (n) => {
    if (n <= TELEGRAM_CALLBACK_DATA_BYTES) {
      const data = encodeCall(call(n));
      expect(Buffer.byteLength(data)).toBe(n);
      expect(decodeCall(data)).toEqual(call(n));
    } else {
      expect(() => encodeCall(call(n))).toThrow(/64 bytes/);
    }
  });

  it.each(around(TELEGRAM_CALLBACK_DATA_BYTES))("GIVEN a follow-up of %i bytes THEN the Telegram keyboard has its button only up to 64", (n) => {
    const keyboard = keyboardFor(notice({ followUps: [{ label: "A", call: call(n) }, { label: "B", call: call(30) }] }));
    const labels = keyboard!.inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual(n <= TELEGRAM_CALLBACK_DATA_BYTES ? ["A", "B"] : ["B"]);
  });
});
