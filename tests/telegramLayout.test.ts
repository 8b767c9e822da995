import type { Message, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { addressedText } from "../src/platforms/telegram/groupRules.js";
import { renderTelegramHtml } from "../src/platforms/telegram/html.js";

/**
 * The layout of a reply in Telegram HTML, and where it is split: with small
 * limits, so each boundary is a message of exactly the limit and one of the
 * limit plus one (the 4,096 itself is in tests/limits.test.ts).
 */
const blocks = (...texts: string[]) => makeReply({ kind: "notice", lang: "en", title: "", blocks: texts });

describe("the layout of a reply", () => {
  it("GIVEN a title, a block, quotes with and without our translation, a field and the source THEN each has its own paragraph and style", () => {
    const reply = makeReply({
      kind: "quote",
      lang: "en",
      title: "T&C",
      blocks: ["b1"],
      quotes: [
        { speaker: "S", role: "R", text: "q", textLang: "id", translation: "tr" },
        { speaker: "S2", role: "R2", text: "q2", textLang: "id" },
      ],
      fields: [{ name: "F", value: "v" }],
      source: "src",
    });
    expect(renderTelegramHtml(reply)).toEqual([
      [
        "<b>T&amp;C</b>",
        "b1",
        "<blockquote>“q”\n— <i>S, R</i></blockquote>",
        "<i>Our translation:</i> “tr”",
        "<blockquote>“q2”\n— <i>S2, R2</i></blockquote>",
        "<b>F</b>\nv",
        "<i>src</i>",
      ].join("\n\n"),
    ]);
  });
});

describe("packing paragraphs into messages", () => {
  it("GIVEN two paragraphs that fill the limit exactly, the blank line between them counted THEN they share one message", () => {
    expect(renderTelegramHtml(blocks("a".repeat(10), "b".repeat(10)), 22, Infinity)).toEqual([`${"a".repeat(10)}\n\n${"b".repeat(10)}`]);
  });

  it("GIVEN three paragraphs of which two fit THEN the third starts a message, every blank line counted", () => {
    expect(renderTelegramHtml(blocks("a".repeat(10), "b".repeat(10), "c".repeat(10)), 33, Infinity)).toEqual([`${"a".repeat(10)}\n\n${"b".repeat(10)}`, "c".repeat(10)]);
  });

  it("GIVEN an empty reply THEN no message", () => {
    expect(renderTelegramHtml(blocks())).toEqual([]);
  });

  it("GIVEN the same paragraphs and a limit one smaller THEN each gets its own message", () => {
    expect(renderTelegramHtml(blocks("a".repeat(10), "b".repeat(10)), 21, Infinity)).toEqual(["a".repeat(10), "b".repeat(10)]);
  });
});

describe("splitting one paragraph", () => {
  it("GIVEN a paragraph exactly as long as the limit THEN it is not split", () => {
    expect(renderTelegramHtml(blocks("ab ab ab ab"), 11, Infinity)).toEqual(["ab ab ab ab"]);
  });

  it("GIVEN it one character over THEN it is split between words, the first part as full as it can be", () => {
    expect(renderTelegramHtml(blocks("ab ab ab ab"), 10, Infinity)).toEqual(["ab ab ab ", "ab"]);
  });

  it.each([
    [16, ["<b>ab ab ab </b>", "<b>ab ab ab </b>", "<b>ab</b>"]],
    // "ab ab ab ab " with its tags would be 19; the last four words, with no space after, are 18.
    [18, ["<b>ab ab ab </b>", "<b>ab ab ab ab</b>"]],
  ])("GIVEN a bold title longer than a message of %i THEN each part is re-wrapped in <b> and filled up to the limit, tags counted", (limit, parts) => {
    const title = makeReply({ kind: "notice", lang: "en", title: "ab ab ab ab ab ab ab" });
    expect(renderTelegramHtml(title, limit as number, Infinity)).toEqual(parts);
  });

  it("GIVEN a word exactly as long as a message after a short one THEN the word moves whole to the next message", () => {
    expect(renderTelegramHtml(blocks("ab abcdefgh"), 8, Infinity)).toEqual(["ab ", "abcdefgh"]);
  });

  it("GIVEN a source line of one word that fits a message only without its italic tags THEN it is cut between characters, the first part full to the limit with its tags", () => {
    const reply = makeReply({ kind: "notice", lang: "en", title: "", source: "s".repeat(34) });
    expect(renderTelegramHtml(reply, 40, Infinity)).toEqual([`<i>${"s".repeat(33)}</i>`, "<i>s</i>"]);
  });

  it("GIVEN a quote of one word longer than a message holds inside the blockquote tags THEN it is cut between characters, the first part full to the limit with its tags", () => {
    const quote = makeReply({ kind: "quote", lang: "en", title: "", quotes: [{ speaker: "S", role: "R", text: "w".repeat(40), textLang: "id" }] });
    expect(renderTelegramHtml(quote, 60, Infinity)).toEqual([`<blockquote>“${"w".repeat(34)}</blockquote>`, `<blockquote>${"w".repeat(6)}”\n— <i>S, R</i></blockquote>`]);
  });

  it("GIVEN a quote whose speaker line fits beside the quoted words only without its italic tags THEN the speaker line starts the next part, its tags counted", () => {
    const speaker = "S".repeat(23);
    const quote = makeReply({ kind: "quote", lang: "en", title: "", quotes: [{ speaker, role: "R", text: "q", textLang: "id" }] });
    expect(renderTelegramHtml(quote, 60, Infinity)).toEqual(["<blockquote>“q”\n— </blockquote>", `<blockquote><i>${speaker}, R</i></blockquote>`]);
  });

  it("GIVEN a quote longer than a message THEN each part is filled up to the limit, the blockquote tags counted", () => {
    const quote = makeReply({ kind: "quote", lang: "en", title: "", quotes: [{ speaker: "S", role: "R", text: "ab ab ab ab", textLang: "id" }] });
    // 39 characters: the dash that follows would make 41.
    expect(renderTelegramHtml(quote, 40, Infinity)).toEqual(["<blockquote>“ab ab ab ab”\n</blockquote>", "<blockquote>— <i>S, R</i></blockquote>"]);
  });
});

describe("cutting a reply past the last message", () => {
  const cut = `<i>${t("en").replyCut}</i><i>\nTribunnews</i>`;

  it("GIVEN more paragraphs than the messages allowed THEN the last message holds what fits, then the cut note and the source", () => {
    const reply = makeReply({ ...blocks("x".repeat(150), "y".repeat(150), "z".repeat(150)), source: "Tribunnews" });
    expect(renderTelegramHtml(reply, 300, 2)).toEqual(["x".repeat(150), `${"y".repeat(150)}\n\n${cut}`]);
  });

  it("GIVEN a reply without a source cut THEN the last message ends with the note alone", () => {
    const [, last] = renderTelegramHtml(blocks("x".repeat(150), "y".repeat(150), "z".repeat(150)), 300, 2);
    expect(last).toBe(`${"y".repeat(150)}\n\n<i>${t("en").replyCut}</i>`);
  });

  it("GIVEN paragraphs that fill the room before the note exactly, the blank line counted THEN both are kept", () => {
    const note = `<i>${t("en").replyCut}</i>`;
    const room = 300 - note.length - 2;
    const [only] = renderTelegramHtml(blocks("a".repeat(50), "b".repeat(room - 52), "c".repeat(200)), 300, 1);
    expect(only).toBe(`${"a".repeat(50)}\n\n${"b".repeat(room - 52)}\n\n${note}`);
  });

  it("GIVEN three paragraphs one character over the room before the note, both blank lines counted THEN the third is left out", () => {
    const note = `<i>${t("en").replyCut}</i>`;
    const room = 300 - note.length - 2;
    const [only] = renderTelegramHtml(blocks("a".repeat(50), "b".repeat(50), "c".repeat(room - 103), "d".repeat(200)), 300, 1);
    expect(only).toBe(`${"a".repeat(50)}\n\n${"b".repeat(50)}\n\n${note}`);
  });

  it("GIVEN a first paragraph too long for the room left before the note THEN its beginning fills that room", () => {
    const reply = makeReply({ ...blocks("w ".repeat(150)), source: "Tribunnews" });
    const [only] = renderTelegramHtml(reply, 300, 1);
    expect(only!.endsWith(`\n\n${cut}`)).toBe(true);
    expect(only!.length).toBeLessThanOrEqual(300);
    expect(only!.length).toBeGreaterThan(300 - 3);
    expect(only!.startsWith("w w w ")).toBe(true);
  });
});

describe("group messages that name the bot", () => {
  const me = { id: 42, is_bot: true, first_name: "Kabar", username: "KabarBot" } as UserFromGetMe;
  const group = (text: string, extra: Partial<Message> = {}) =>
    ({ message_id: 1, date: 0, chat: { id: -5, type: "supergroup", title: "g" }, from: { id: 7, is_bot: false, first_name: "U" }, text, ...extra }) as Message;

  it("GIVEN a mention entity right after a bracket (where the text fallback does not look) THEN it is for the bot", () => {
    const message = group("Menurut kalian (@kabarbot) apa kata PBB?", { entities: [{ type: "mention", offset: 16, length: 9 }] });
    expect(addressedText(message, me)).toMatchObject({ kind: "question" });
  });

  it("GIVEN a mention entity of another bot after a bracket THEN it is not", () => {
    const message = group("Menurut kalian (@OtherBot) apa kata PBB?", { entities: [{ type: "mention", offset: 16, length: 9 }] });
    expect(addressedText(message, me)).toBeUndefined();
  });

  it("GIVEN the bot's handle typed in another case, with no entity (emulators send none) THEN it is found and taken out", () => {
    expect(addressedText(group("@kabarbot apa kata PBB?"), me)).toEqual({ kind: "question", text: "apa kata PBB?" });
  });

  it("GIVEN the bot's handle in code formatting right after a bracket (no mention, where the text fallback does not look) THEN it is not for the bot", () => {
    const message = group("Botnya (@KabarBot) bisa ditambah ke grup lain", { entities: [{ type: "code", offset: 8, length: 9 }] });
    expect(addressedText(message, me)).toBeUndefined();
  });

  it("GIVEN formatting entities but no mention THEN it is not for the bot", () => {
    expect(addressedText(group("apa kata PBB?", { entities: [{ type: "bold", offset: 0, length: 3 }] }), me)).toBeUndefined();
  });

  it("GIVEN a reply to a post with no sender (a channel's) THEN it is not for the bot", () => {
    const reply_to_message = { message_id: 2, date: 0, chat: { id: -5, type: "supergroup", title: "g" } } as unknown as Message["reply_to_message"];
    expect(addressedText(group("dan Rusia?", { reply_to_message }), me)).toBeUndefined();
  });
});
