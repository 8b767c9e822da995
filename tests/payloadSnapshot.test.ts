import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { snowflake } from "./peers/discordPayloads.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { OFFLINE_BOT_INFO, textUpdate } from "./peers/telegramOffline.js";
import { testKabar } from "./helpers/core.js";

/**
 * What the bot sends, byte for byte, for a fixed set of commands, questions
 * and buttons on both platforms, compared with a snapshot committed before the
 * fast path (caches, cheaper rendering) was built: speed must not change a
 * single byte of any answer. Every input is sent twice, so an answer served
 * from a cache is compared too.
 *
 * A deliberate change to what the bot says (new wording, a new article in
 * content/) changes this file: review the diff, then `npx vitest run
 * tests/payloadSnapshot.test.ts -u`.
 */

const TELEGRAM_USER_EN = { id: 501, is_bot: false, first_name: "Ann", language_code: "en" };
const TELEGRAM_USER_ID = { id: 502, is_bot: false, first_name: "Budi", language_code: "id" };
const PRIVATE_EN = { id: 501, type: "private" as const, first_name: "Ann" };
const PRIVATE_ID = { id: 502, type: "private" as const, first_name: "Budi" };
const GROUP = { id: -100900, type: "supergroup" as const, title: "Group" };

const COMMANDS = [
  "/start",
  "/start reaction_france",
  "/help",
  "/summary",
  "/summary short",
  "/reaction france",
  "/reaction rusia",
  "/reaction turkey",
  "/reaction",
  "/background",
  "/background russia-role",
  "/quote pbb",
  "/quote",
  "/actors",
  "/source",
  "/nosuchcommand",
];

const QUESTIONS = [
  "apa kata prancis?",
  "What did France say?",
  "gmn reaksi PBB?",
  "what is russia's role?",
  "Turki ngomong apa?",
  "what's the gist?",
  "Bisa diringkas jadi beberapa poin?",
  "Moskow diem aja atau ada reaksi?",
  "Pasukan Rusia di Karabakh itu tugasnya apa?",
  "who reacted?",
  "siapa yang bilang itu ilegal?",
  "what's the weather today?",
  "Prancs?",
  "<b>apa</b> kata @everyone & PBB?",
];

/** Buttons as earlier replies wrote them (callback_data / custom_id), plus one this version never wrote. */
const BUTTONS = [
  "k1|summary|en|",
  "k1|summary|id|length=short",
  "k1|reaction|en|actor=france",
  "k1|reaction|id|actor=un",
  "k1|background|en|topic=russia-role",
  "k1|actors|id|",
  "k1|quote|en|actor=russia",
  "k1|source|en|",
  "old-button-format",
];

let updateId = 90_000;
function callbackUpdate(data: string, from: typeof TELEGRAM_USER_EN, chat: typeof PRIVATE_EN | typeof GROUP): Update {
  updateId += 1;
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from,
      chat_instance: "1",
      data,
      message: { message_id: 77, date: 0, chat, text: "earlier answer" },
    },
  } as Update;
}

/** Each input (twice) through the real grammY bot, offline: method and payload JSON of every API call. */
async function telegramPayloads(): Promise<string> {
  const bot = createTelegramBot({ token: "1:snapshot", kabar: testKabar(), botInfo: OFFLINE_BOT_INFO });
  let lines: string[] = [];
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    lines.push(`${method} ${JSON.stringify(payload)}`);
    const p = payload as { chat_id?: number; text?: string };
    return { ok: true, result: method === "answerCallbackQuery" ? true : { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } } as never;
  });
  const out: string[] = [];
  const record = async (label: string, update: () => Update) => {
    for (let i = 0; i < 2; i++) {
      lines = [];
      await bot.handleUpdate(update());
      out.push(`# ${label}${i ? " (again)" : ""}`, ...(lines.length ? lines : ["(nothing sent)"]));
    }
  };
  for (const text of [...COMMANDS, ...QUESTIONS]) {
    await record(`telegram private en: ${text}`, () => textUpdate(PRIVATE_EN, text, TELEGRAM_USER_EN));
    await record(`telegram private id: ${text}`, () => textUpdate(PRIVATE_ID, text, TELEGRAM_USER_ID));
  }
  for (const text of ["/reaction@KabarTestBot france", "@KabarTestBot apa kata PBB?", "apa kata PBB?", "/reaction@OtherBot france", "lunch anyone?"]) {
    await record(`telegram group: ${text}`, () => textUpdate(GROUP, text, TELEGRAM_USER_EN));
  }
  for (const data of BUTTONS) {
    await record(`telegram button private: ${data}`, () => callbackUpdate(data, TELEGRAM_USER_EN, PRIVATE_EN));
    await record(`telegram button group: ${data}`, () => callbackUpdate(data, TELEGRAM_USER_ID, GROUP));
  }
  return `${out.join("\n")}\n`;
}

let discord: DiscordTestBot;
beforeAll(async () => {
  discord = await startDiscordTestBot();
});
afterAll(async () => {
  await discord?.close();
});

/** Each input (twice) through the real discord.js client against the fake Discord: the raw REST bodies. */
async function discordPayloads(): Promise<string> {
  const out: string[] = [];
  const { discord: fake } = discord;
  // Ids are fresh snowflakes on every run: the snapshot names them by role.
  const ids = (raw: string, known: Record<string, string>) => Object.entries(known).reduce((s, [id, name]) => s.split(id).join(name), raw);
  type Sent = { id: string; channel_id: string };
  const record = async (label: string, send: () => Sent, answered: (sent: Sent) => (r: RecordedRequest) => boolean) => {
    for (let i = 0; i < 2; i++) {
      const sent = send();
      const request = await fake.waitForRequest(answered(sent));
      out.push(`# ${label}${i ? " (again)" : ""}`, `${request.method} ${ids(request.raw, { [sent.id]: "<message>", [sent.channel_id]: "<channel>" })}`);
    }
  };
  const callback = (sent: Sent) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`);
  const slash: Array<{ name: string; options?: Array<{ name: string; value: string }> }> = [
    { name: "summary" },
    { name: "summary", options: [{ name: "length", value: "short" }] },
    { name: "reaction", options: [{ name: "actor", value: "france" }] },
    { name: "reaction", options: [{ name: "actor", value: "rusia" }] },
    { name: "reaction", options: [{ name: "actor", value: "turkey" }] },
    { name: "background" },
    { name: "background", options: [{ name: "topic", value: "russia-role" }] },
    { name: "quote", options: [{ name: "actor", value: "pbb" }] },
    { name: "actors" },
    { name: "source" },
    { name: "help" },
  ];
  for (const command of slash) {
    for (const locale of ["en-US", "id"]) {
      const label = `discord slash ${locale}: /${command.name} ${(command.options ?? []).map((o) => `${o.name}=${o.value}`).join(" ")}`;
      await record(label, () => fake.slashCommand(discord.inGuild({ locale }), command), callback);
    }
  }
  for (const data of BUTTONS) {
    for (const locale of ["en-US", "id"]) {
      await record(`discord button ${locale}: ${data}`, () => fake.pressButton(discord.inGuild({ locale }), data), callback);
    }
  }
  for (const content of ["apa kata prancis?", "what is russia's role?", "what's the weather today?"]) {
    await record(
      `discord dm: ${content}`,
      () => fake.userMessage({ channelId: snowflake(), author: discord.user, content }),
      (sent) => (r) => r.method === "POST" && r.path === `/channels/${sent.channel_id}/messages`,
    );
  }
  return `${out.join("\n")}\n`;
}

describe("Payloads", () => {
  it("GIVEN fixed commands, questions and buttons on Telegram THEN every API call is byte-identical to the committed snapshot", async () => {
    await expect(await telegramPayloads()).toMatchFileSnapshot("./fixtures/payloads-telegram.txt");
  });

  it("GIVEN fixed slash commands, buttons and DMs on Discord THEN every REST body is byte-identical to the committed snapshot", async () => {
    await expect(await discordPayloads()).toMatchFileSnapshot("./fixtures/payloads-discord.txt");
  });
});
