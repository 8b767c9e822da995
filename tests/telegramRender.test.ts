import type { Message, UserFromGetMe } from "grammy/types";
import { describe, expect, test } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { Kabar } from "../src/core/kabar.js";
import { makeReply, type Reply } from "../src/core/reply.js";
import { addressedText } from "../src/platforms/telegram/groupRules.js";
import { escapeHtml, renderTelegramHtml, TELEGRAM_MESSAGE_LIMIT } from "../src/platforms/telegram/html.js";
import { keyboardFor } from "../src/platforms/telegram/keyboard.js";
import { checkTelegramHtml } from "./peers/telegramHtmlCheck.js";
import { library } from "./peers/telegramKabar.js";

const kabar = new Kabar({ library: () => library, commands: COMMANDS });

/** The visible text of Telegram HTML (tags dropped, entities decoded). */
function visible(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

describe("renderTelegramHtml", () => {
  test.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["a > b < c", "a &gt; b &lt; c"],
    ["&amp; stays text", "&amp;amp; stays text"],
    ["<b>unbalanced", "&lt;b&gt;unbalanced"],
  ])("GIVEN %j THEN it is escaped as %j", (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  test("GIVEN every real command reply in both languages THEN each renders as HTML Telegram accepts", async () => {
    for (const lang of ["id", "en"] as const) {
      for (const def of COMMANDS) {
        const reply = await kabar.run({ command: def.name, lang, args: { actor: "france" } });
        for (const html of renderTelegramHtml(reply)) expect(checkTelegramHtml(html), `${def.name}/${lang}`).toBeUndefined();
      }
    }
  });

  test("GIVEN a long reply THEN it is split between paragraphs, each message within the limit, nothing lost", async () => {
    const summary = await kabar.run({ command: "summary", lang: "id", args: {} });
    const whole = renderTelegramHtml(summary, 100_000);
    expect(whole).toHaveLength(1);
    const parts = renderTelegramHtml(summary, 600);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(600);
      expect(checkTelegramHtml(part)).toBeUndefined();
    }
    expect(parts.join("\n\n")).toBe(whole[0]);
  });

  test("GIVEN one 10,000-character hostile paragraph THEN the parts are valid, within 4,096, and together are the original text", () => {
    const text = `<i>${"x<&> ".repeat(1000)}${"y&".repeat(3000)}`;
    const reply = makeReply({ kind: "notice", lang: "en", title: "", blocks: [text] });
    // The splitter alone: no cap on the number of messages (that is tested in tests/flooding.test.ts).
    const parts = renderTelegramHtml(reply, TELEGRAM_MESSAGE_LIMIT, Infinity);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(checkTelegramHtml(part)).toBeUndefined();
    }
    expect(parts.map(visible).join("")).toBe(text);
  });

  test("GIVEN a quote longer than a message THEN every part stays inside its own blockquote", () => {
    const reply: Reply = makeReply({
      kind: "quote",
      lang: "en",
      title: "Q",
      quotes: [{ speaker: "S & T", role: "<role>", text: "kata ".repeat(300), textLang: "id", translation: "word ".repeat(10) }],
    });
    const parts = renderTelegramHtml(reply, 500, Infinity);
    const quoteParts = parts.flatMap((p) => p.split("\n\n")).filter((p) => p.includes("kata"));
    expect(quoteParts.length).toBeGreaterThan(2);
    for (const p of quoteParts) expect(p).toMatch(/^<blockquote>[\s\S]*<\/blockquote>$/);
    expect(parts.join("\n\n")).toContain("— <i>S &amp; T, &lt;role&gt;</i></blockquote>");
    expect(parts.join("\n\n")).toContain("<i>Our translation:</i> “word ");
  });
});

describe("keyboardFor", () => {
  test("GIVEN follow-ups THEN buttons two to a row carry encoded calls; a call too long for 64 bytes loses only its button", () => {
    const skipped: string[] = [];
    const reply = makeReply({
      kind: "reaction",
      lang: "en",
      title: "t",
      followUps: [
        { label: "A", call: { command: "reaction", lang: "en", args: { actor: "un" } } },
        { label: "B", call: { command: "summary", lang: "en", args: {} } },
        { label: "Long", call: { command: "reaction", lang: "en", args: { actor: "x".repeat(80) } } },
        { label: "C", call: { command: "actors", lang: "en", args: {} } },
      ],
    });
    const keyboard = keyboardFor(reply, (label) => skipped.push(label))!;
    expect(keyboard.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([["A", "B"], ["C"]]);
    expect(skipped).toEqual(["Long"]);
  });

  test("GIVEN no follow-ups THEN no keyboard", () => {
    expect(keyboardFor(makeReply({ kind: "notice", lang: "en", title: "" }))).toBeUndefined();
  });
});

describe("addressedText (group rules)", () => {
  const me = { id: 42, is_bot: true, first_name: "Kabar", username: "KabarBot" } as UserFromGetMe;
  const msg = (text: string, extra: Partial<Message> = {}, type = "supergroup") =>
    ({ message_id: 1, date: 0, chat: { id: -5, type, title: "g" }, from: { id: 7, is_bot: false, first_name: "U" }, text, ...extra }) as Message;

  test.each<[string, Message, string | undefined]>([
    ["private chatter is a question", msg("halo", {}, "private"), "question:halo"],
    ["group chatter is ignored", msg("halo semua"), undefined],
    ["a bare command in a group", msg("/reaction prancis"), "command:reaction:prancis"],
    ["a command for us", msg("/reaction@kabarbot arab saudi"), "command:reaction:arab saudi"],
    ["a command for another bot", msg("/reaction@OtherBot prancis"), undefined],
    ["a mention, stripped", msg("@KabarBot apa kata PBB?", { entities: [{ type: "mention", offset: 0, length: 9 }] }), "question:apa kata PBB?"],
    ["a text_mention of us", msg("Kabar, apa kata PBB?", { entities: [{ type: "text_mention", offset: 0, length: 5, user: me }] }), "question:Kabar, apa kata PBB?"],
    ["someone else's handle", msg("@KabarBotFan apa kata PBB?"), undefined],
    ["a reply to us", msg("dan Rusia?", { reply_to_message: { message_id: 2, date: 0, chat: { id: -5, type: "supergroup", title: "g" }, from: me } as unknown as Message["reply_to_message"] }), "question:dan Rusia?"],
  ])("GIVEN %s", (_name, message, expected) => {
    const got = addressedText(message, me);
    const shown = got === undefined ? undefined : got.kind === "question" ? `question:${got.text}` : `command:${got.command.name}:${got.command.rest}`;
    expect(shown).toBe(expected);
  });
});
