import { describe, expect, it } from "vitest";
import { makeReply, type Reply } from "../src/core/reply.js";
import { renderButtons } from "../src/platforms/discord/buttons.js";
import { type DiscordMessage, renderReply } from "../src/platforms/discord/render.js";
import { escapeDiscordMarkdown, splitText } from "../src/platforms/discord/text.js";
import { testKabar } from "./peers/discordHarness.js";
import { DISCORD_CUSTOM_ID, DISCORD_EMBED, discordEmbedChars } from "./helpers/platformLimits.js";

/** Every limit of https://discord.com/developers/docs/resources/message#embed-object-embed-limits, on every message. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_EMBED.perMessage);
    expect(message.embeds.reduce((n, e) => n + discordEmbedChars(e), 0)).toBeLessThanOrEqual(DISCORD_EMBED.total);
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED.description);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeGreaterThan(0);
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_EMBED.fieldName);
        expect(field.value.length).toBeGreaterThan(0);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_EMBED.fieldValue);
      }
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED.footerText);
    }
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  }
}

const allText = (messages: DiscordMessage[]) =>
  messages.flatMap((m) => m.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])).join("\n");

const hostile = "**bold** _it_ `code` ||spoiler|| [link](https://evil.example) @everyone @here <@123> <@&456> <#789> > quote ";

describe("Discord embeds", () => {
  it("GIVEN every real reply in both languages THEN every embed limit holds", async () => {
    const kabar = testKabar();
    for (const lang of ["id", "en"] as const) {
      for (const command of kabar.commands) {
        expectWithinLimits(renderReply(await kabar.run({ command: command.name, args: {}, lang })));
      }
    }
  });

  it("GIVEN hostile text of 10,000 characters THEN it is split within the limits, markdown escaped and mentions defused", () => {
    const long = hostile.repeat(Math.ceil(10_000 / hostile.length));
    const reply = makeReply({
      kind: "notice",
      lang: "en",
      title: long,
      blocks: [long, long],
      quotes: [{ speaker: long, role: long, text: long, textLang: "id", translation: long }],
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${hostile}`, value: long })),
      source: long,
    });
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const text = allText(messages);
    expect(text).not.toMatch(/(?<!\\)\*\*bold(?<!\\)\*\*/);
    expect(text).toContain("\\*\\*bold\\*\\*");
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<@&?\d/);
    expect(text).not.toMatch(/<#\d/);
  });

  it("GIVEN a quote with our translation THEN the field shows the verbatim words and the translation marked as ours", () => {
    const reply = makeReply({
      kind: "quote",
      lang: "en",
      title: "Quote",
      emoji: "🇫🇷",
      quotes: [{ speaker: "Catherine Colonna", role: "French Foreign Minister", text: "Kami menganggap", textLang: "id", translation: "We hold" }],
    });
    const [field] = renderReply(reply)[0]!.embeds[0]!.fields!;
    expect(field).toEqual({ name: "🇫🇷 Catherine Colonna, French Foreign Minister", value: "“Kami menganggap”\n*Our translation:* “We hold”" });
  });

  it("GIVEN a reply split over several messages THEN only the last carries the buttons and the footer", () => {
    const reply = makeReply({
      kind: "summary",
      lang: "en",
      title: "Long",
      // Three messages' worth: more would be cut at MAX_MESSAGES_PER_REPLY (tests/flooding.test.ts).
      blocks: Array.from({ length: 3 }, () => "word ".repeat(900)),
      source: "Source: test",
      eventsDate: "2023-09-20",
      followUps: [{ label: "Summary", call: { command: "summary", lang: "en", args: {} } }],
    });
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.map((m) => m.components.length)).toEqual([...messages.slice(1).map(() => 0), 1]);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.filter((e) => e.footer).length).toBe(1);
    expect(embeds.at(-1)!.footer!.text).toBe("Source: test");
    expect(embeds.at(-1)!.timestamp).toBe("2023-09-20T12:00:00.000Z");
    expect(embeds.map((e) => e.description).join(" ").split(/\s+/).filter(Boolean)).toHaveLength(3 * 900);
  });

  it("GIVEN a follow-up whose call is too long to encode THEN only that button is left out, not the reply", () => {
    const reply: Reply = makeReply({
      kind: "actors",
      lang: "en",
      title: "x",
      followUps: [
        { label: "Too long", call: { command: "background", lang: "en", args: { topic: "t".repeat(80) } } },
        { label: "Summary", call: { command: "summary", lang: "en", args: {} } },
      ],
    });
    const labels = renderButtons(reply).flatMap((row) => row.components.map((b) => ("label" in b ? b.label : "")));
    expect(labels).toEqual(["Summary"]);
  });

  it("GIVEN more follow-ups than a message holds THEN at most 25 buttons in rows of 5, each custom_id within 100", () => {
    const reply: Reply = makeReply({
      kind: "actors",
      lang: "en",
      title: "x",
      followUps: Array.from({ length: 40 }, (_, i) => ({ label: `Actor ${i} ${"x".repeat(100)}`, call: { command: "reaction", lang: "en" as const, args: { actor: `a${i}` } } })),
    });
    const rows = renderButtons(reply);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.components).toHaveLength(5);
      for (const button of row.components) {
        expect("custom_id" in button && button.custom_id.length).toBeLessThanOrEqual(DISCORD_CUSTOM_ID);
        expect("label" in button && button.label!.length).toBeLessThanOrEqual(80);
      }
    }
  });
});

describe("splitText", () => {
  it.each([
    ["paragraphs", "a".repeat(60) + "\n\n" + "b".repeat(60), 100, ["a".repeat(60), "b".repeat(60)]],
    ["one long word", "x".repeat(250), 100, ["x".repeat(100), "x".repeat(100), "x".repeat(50)]],
    ["an escape at the cut", `${"x".repeat(99)}\\*y`, 100, ["x".repeat(99), "\\*y"]],
    ["an escaped backslash before a lone escape", `${"x".repeat(97)}\\\\\\*y`, 100, [`${"x".repeat(97)}\\\\`, "\\*y"]],
    ["a flag at the cut", `${"x".repeat(99)}🇫🇷`, 100, ["x".repeat(99), "🇫🇷"]],
  ])("GIVEN %s THEN the pieces stay whole", (_label, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });
});

describe("escapeDiscordMarkdown", () => {
  it.each([
    ["**bold** and __underline__", "\\*\\*bold\\*\\* and \\_\\_underline\\_\\_"],
    ["snake_case ~~strike~~ `code` ||spoiler||", "snake\\_case \\~\\~strike\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|"],
    ["[masked](https://x.example)", "\\[masked\\](https://x.example)"],
    ["# heading\n> quote\n- item\n1. first\n-# subtext", "\\# heading\n\\> quote\n\\- item\n1\\. first\n\\-# subtext"],
    ["a - b # c > d 1. e", "a - b # c > d 1. e"],
    ["back\\slash", "back\\\\slash"],
  ])("GIVEN %j THEN it renders as typed", (text, escaped) => {
    expect(escapeDiscordMarkdown(text)).toBe(escaped);
  });
});
