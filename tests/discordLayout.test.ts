import { DiscordAPIError } from "discord.js";
import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { makeReply } from "../src/core/reply.js";
import { loggableError } from "../src/platforms/discord/errorLog.js";
import { DEFAULT_COLOR, embedSize, packEmbeds, renderEmbeds } from "../src/platforms/discord/embeds.js";
import { escapeDiscordMarkdown, inert, splitText, truncate } from "../src/platforms/discord/text.js";

/**
 * The layout of a reply as Discord embeds and where it is split, at each
 * documented limit and one past it
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
const ZWSP = "\u200b";

describe("the layout of a reply", () => {
  it("GIVEN a title, blocks, quotes with and without role and translation, a field, the source and the date THEN one embed carries them", () => {
    const reply = makeReply({
      kind: "quote",
      lang: "en",
      title: "T",
      blocks: ["b1", "b2"],
      emoji: "🇫🇷",
      color: 0x0055a4,
      quotes: [
        { speaker: "S", role: "R", text: "q", textLang: "id", translation: "tr" },
        { speaker: "S2", role: "", text: "q2", textLang: "id" },
      ],
      fields: [{ name: "F", value: "" }],
      source: "src",
      eventsDate: "2023-09-20",
    });
    expect(renderEmbeds(reply)).toStrictEqual([
      {
        color: 0x0055a4,
        title: "T",
        description: "b1\n\nb2",
        fields: [
          { name: "🇫🇷 S, R", value: "“q”\n*Our translation:* “tr”" },
          { name: "🇫🇷 S2", value: "“q2”" },
          { name: "F", value: "-" },
        ],
        footer: { text: "src" },
        timestamp: "2023-09-20T12:00:00.000Z",
      },
    ]);
  });

  it("GIVEN a quote without an emoji THEN its field is named by speaker and role alone", () => {
    const reply = makeReply({ kind: "quote", lang: "en", title: "", quotes: [{ speaker: "S", role: "R", text: "q", textLang: "id" }] });
    expect(renderEmbeds(reply)[0]!.fields).toEqual([{ name: "S, R", value: "“q”" }]);
  });

  it("GIVEN a reply with text but no title and no source THEN the embed has neither key (Discord refuses an empty title)", () => {
    expect(renderEmbeds(makeReply({ kind: "notice", lang: "en", title: "", blocks: ["x"] }))).toStrictEqual([{ color: DEFAULT_COLOR, description: "x" }]);
  });

  it("GIVEN an empty reply THEN one embed in Kabar's colour with a dash, as Discord refuses an empty message", () => {
    expect(renderEmbeds(makeReply({ kind: "notice", lang: "en", title: "" }))).toStrictEqual([{ color: DEFAULT_COLOR, description: "-" }]);
  });

  it("GIVEN a description longer than an embed's 4,096 THEN it continues in a second embed of the same colour, without a title", () => {
    const reply = makeReply({ kind: "summary", lang: "en", title: "T", blocks: ["a ".repeat(3000)] });
    const embeds = renderEmbeds(reply);
    expect(embeds.map((e) => [e.color, e.title])).toEqual([
      [DEFAULT_COLOR, "T"],
      [DEFAULT_COLOR, undefined],
    ]);
  });

  it("GIVEN a field value over 1,024 THEN it continues in a field with a blank name", () => {
    const reply = makeReply({ kind: "notice", lang: "en", title: "", fields: [{ name: "F", value: "v ".repeat(700) }] });
    expect(renderEmbeds(reply)[0]!.fields!.map((f) => f.name)).toEqual(["F", ZWSP]);
  });
});

describe("the 6,000 characters of an embed, the source's footer included", () => {
  const withTitleAndFooter = (footer: number) =>
    renderEmbeds(makeReply({ kind: "summary", lang: "en", title: "t".repeat(256), blocks: ["d".repeat(4096)], source: "s".repeat(footer) }));

  it("GIVEN title, description and footer of exactly 6,000 THEN one embed", () => {
    expect(withTitleAndFooter(6000 - 256 - 4096)).toHaveLength(1);
  });

  it("GIVEN one character more THEN the description moves to a second embed, the footer on the last", () => {
    const embeds = withTitleAndFooter(6000 - 256 - 4096 + 1);
    expect(embeds.map((e) => [e.title?.length, e.description?.length, e.footer?.text.length])).toEqual([
      [256, undefined, undefined],
      [undefined, 4096, 1649],
    ]);
  });

  const withFields = (last: number) =>
    renderEmbeds(
      makeReply({
        kind: "notice",
        lang: "en",
        title: "",
        fields: [...Array.from({ length: 5 }, () => ({ name: "n", value: "v".repeat(1024) })), { name: "n", value: "w".repeat(last) }],
      }),
    );

  it("GIVEN fields of exactly 6,000 THEN they share one embed", () => {
    expect(withFields(6000 - 5 * 1025 - 1)).toHaveLength(1);
  });

  it("GIVEN fields of 6,001 THEN the last goes to a second embed", () => {
    expect(withFields(6000 - 5 * 1025).map((e) => e.fields!.length)).toEqual([5, 1]);
  });

  it("GIVEN every part of an embed THEN each counts towards the 6,000 as Discord counts them", () => {
    const embed: APIEmbed = { title: "ab", description: "cde", footer: { text: "f" }, author: { name: "gh" }, fields: [{ name: "i", value: "jk" }] };
    expect(embedSize(embed)).toBe(11);
  });
});

describe("embeds into messages", () => {
  const sized = (...sizes: number[]): APIEmbed[] => sizes.map((n) => ({ description: "x".repeat(n) }));

  it("GIVEN embeds of exactly 6,000 together THEN one message", () => {
    expect(packEmbeds(sized(3000, 3000)).map((m) => m.length)).toEqual([2]);
  });

  it("GIVEN 6,001 THEN two messages", () => {
    expect(packEmbeds(sized(3000, 3001)).map((m) => m.length)).toEqual([1, 1]);
  });

  it("GIVEN 11 small embeds THEN 10 in the first message, 1 in the second", () => {
    expect(packEmbeds(sized(...Array(11).fill(1))).map((m) => m.length)).toEqual([10, 1]);
  });

  it("GIVEN no embed THEN no message", () => {
    expect(packEmbeds([])).toEqual([]);
  });
});

describe("text made inert", () => {
  it.each([
    ["## h2\n### h3\n>>> block\n  12. item", "\\## h2\n\\### h3\n\\>>> block\n  12\\. item"],
  ])("GIVEN %j THEN the markdown at line starts renders as typed", (text, escaped) => {
    expect(escapeDiscordMarkdown(text)).toBe(escaped);
  });

  it("GIVEN @everyone, @here and mentions of users, roles, channels, commands and times THEN a zero-width space defuses each", () => {
    expect(inert("@everyone @here <@1> <@!2> <@&3> <#4> </c:5> <t:6>")).toBe(
      `@${ZWSP}everyone @${ZWSP}here <${ZWSP}@1> <${ZWSP}@!2> <${ZWSP}@&3> <${ZWSP}#4> <${ZWSP}/c:5> <${ZWSP}t:6>`,
    );
  });

  it("GIVEN a cut right after a space THEN the ellipsis follows the word", () => {
    expect(truncate("ab   cdef", 5)).toBe("ab…");
  });
});

describe("splitting text into pieces", () => {
  it.each([
    ["text exactly the limit", "aaaa bb", 7, ["aaaa bb"]],
    ["an emoji at the cut, then a letter", `${"x".repeat(99)}😀y`, 100, ["x".repeat(99), "😀y"]],
    ["its only space in the first half", "aaaa bbbb", 8, ["aaaa bbb", "b"]],
    ["spaces before a paragraph break", "aaaaaa  \n\nbbb", 9, ["aaaaaa", "bbb"]],
    ["no text", "", 10, []],
    ["a space right after the first 10 characters, and one before it", "aaaaaa bbb ccc", 10, ["aaaaaa bbb", "ccc"]],
  ])("GIVEN %s THEN the pieces are as expected", (_label, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });
});

describe("what is logged of an error", () => {
  it("GIVEN an error that is not Discord's THEN it is logged as it is", () => {
    const err = new Error("socket hang up");
    expect(loggableError(err)).toBe(err);
  });

  it("GIVEN a Discord API error THEN its code is logged with it", () => {
    const err = new DiscordAPIError({ message: "Missing Access", code: 50001 }, 50001, 403, "POST", "https://discord.com/api/v10/channels/1/messages", { body: undefined, files: undefined });
    expect(loggableError(err)).toMatchObject({ type: "DiscordAPIError[50001]", status: 403, code: 50001, method: "POST" });
  });
});
