import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { Kabar } from "../src/core/kabar.js";
import { makeReply } from "../src/core/reply.js";
import type { ChatContext } from "../src/core/command.js";
import { renderReply } from "../src/platforms/discord/render.js";
import { renderTelegramHtml } from "../src/platforms/telegram/html.js";
import { library, testKabar } from "./helpers/core.js";
import { checkTelegramHtml } from "./peers/telegramHtmlCheck.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * Flooding and spoofing: long arguments, echoed text, replies of many
 * messages, and one user asking too often, bounded the same on every platform.
 */
const kabar = testKabar();

describe("arguments and echoed text", () => {
  it("GIVEN /reaction with 4,000 characters THEN one short notice, as for free text that long", async () => {
    const { reply } = await kabar.answer(`/reaction ${"x".repeat(4000)}`);
    expect(reply.blocks.join(" ")).toMatch(/terlalu panjang/);
    expect(renderTelegramHtml(reply)).toHaveLength(1);
    expect(renderTelegramHtml(reply)[0]!.length).toBeLessThan(300);
  });

  it("GIVEN a command call (Telegram command, Discord slash) whose arguments pass 1,000 characters THEN the same notice", async () => {
    const reply = await kabar.run({ command: "reaction", lang: "en", args: { actor: "y".repeat(1001) } });
    expect(reply.blocks).toEqual(["That message is too long (over 1000 characters). Try a shorter question."]);
  });

  it("GIVEN /reaction with 500 characters THEN the name echoed back is cut to 100", async () => {
    const reply = await kabar.run({ command: "reaction", lang: "en", args: { actor: "z".repeat(500) } });
    expect(reply.kind).toBe("not_found");
    const echoed = /"(z+…)"/.exec(reply.blocks[0]!)![1]!;
    expect(Array.from(echoed)).toHaveLength(100);
  });

  it("GIVEN /reaction with 500 characters typed as text (console, Discord message) THEN the echo is cut to 100 too", async () => {
    const { reply } = await kabar.answer(`/reaction ${"z".repeat(500)}`);
    expect(Array.from(/"(z+…)"/.exec(reply.blocks[0]!)![1]!)).toHaveLength(100);
  });

  it("GIVEN /reaction \\u202eevil THEN the reply repeats 'evil' with no bidi control, on every renderer", async () => {
    const reply = await kabar.run({ command: "reaction", lang: "en", args: { actor: "\u202eevil\u2066x\u2069\u200b" } });
    const shown = [reply.blocks.join(""), reply.actorText ?? "", ...renderTelegramHtml(reply), JSON.stringify(renderReply(reply))].join("");
    expect(shown).toContain("evilx");
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
  });
});

describe("at most 3 messages a reply", () => {
  const long = makeReply({
    kind: "summary",
    lang: "en",
    title: "Long",
    blocks: Array.from({ length: 12 }, (_, i) => `${i} ${"word ".repeat(700)}`),
    source: "Source: Tribunnews.com / Andari Wulan Nugrahani, events of 20 September 2023",
    followUps: [{ label: "Summary", call: { command: "summary", lang: "en", args: {} } }],
  });

  it("GIVEN an answer of 42,000 characters THEN Telegram gets 3 messages, the last ending with the cut note and the source", () => {
    const messages = renderTelegramHtml(long);
    expect(messages).toHaveLength(3);
    for (const html of messages) expect(checkTelegramHtml(html)).toBeUndefined();
    expect(messages[2]).toMatch(/<i>This answer is cut here[^<]*<\/i><i>\nSource: Tribunnews\.com[^<]*<\/i>$/);
  });

  it("GIVEN the same answer THEN Discord gets 3 messages, the last saying it was cut, with the source and the buttons", () => {
    const messages = renderReply(long);
    expect(messages).toHaveLength(3);
    expect(messages[2]!.content).toMatch(/^This answer is cut here.*\nSource: Tribunnews\.com/s);
    expect(messages[2]!.components.length).toBeGreaterThan(0);
    expect(messages[0]!.content).toBeUndefined();
  });

  it("GIVEN an answer that fits THEN nothing is cut and no note is added", () => {
    const short = makeReply({ kind: "summary", lang: "en", title: "Short", blocks: ["one"] });
    expect(renderTelegramHtml(short)).toEqual(["<b>Short</b>\n\none"]);
    expect(renderReply(short)[0]!.content).toBeUndefined();
  });
});

describe("the per-user limit in the core (Kabar.admit)", () => {
  let now = 0;
  const limited = new Kabar({ library: () => library, commands: COMMANDS, rateLimits: { group: 10, private: 30, windowMs: 60_000 }, now: () => now });
  const group = (userId: string): ChatContext => ({ target: "discord:42", platform: "discord", type: "group", userId, canManage: async () => false });

  it("GIVEN 30 requests of one user in a group in 10 s THEN 10 answered, 1 notice (id and en), 19 dropped; after the window, answered again", () => {
    const gates = Array.from({ length: 30 }, (_, i) => ((now = i * 333), limited.admit(group("discord:7"), "en")));
    expect(gates.filter((g) => g.answer)).toHaveLength(10);
    const notices = gates.filter((g) => !g.answer && g.notice);
    expect(notices).toHaveLength(1);
    expect(!notices[0]!.answer && notices[0]!.notice!.blocks[0]).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
    expect(limited.admit(group("discord:8"), "id")).toEqual({ answer: true });
    now = 60_000;
    expect(limited.admit(group("discord:7"), "id")).toEqual({ answer: true });
  });

  it("GIVEN no limits configured (tests, npm run ask) THEN every request is answered", () => {
    expect(Array.from({ length: 100 }, () => kabar.admit(group("x"), "id").answer).every(Boolean)).toBe(true);
  });
});

describe("npm start on Telegram, tried as an attacker", () => {
  const root = new URL("..", import.meta.url).pathname;
  let peer: TelegramPeer;
  let child: ChildProcess;
  let output = "";

  beforeAll(async () => {
    peer = await startTelegramPeer();
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: peer.apiRoot,
        DATA_DIR: mkdtempSync(join(tmpdir(), "kabar-flood-")),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await peer.waitForCall("getUpdates", { includePending: true, timeoutMs: 25_000 }).catch((err: unknown) => {
      throw new Error(`bot did not start: ${String(err)}\n${output}`);
    });
  }, 30_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await peer?.stop();
  });

  it("GIVEN /reaction with 4,000 characters in a private chat THEN one short message back", async () => {
    const user = peer.user({ userId: 801, languageCode: "en" });
    const after = peer.calls.length;
    await user.send(`/reaction ${"A".repeat(4000)}`);
    const first = await peer.waitForCall("sendMessage", { chatId: 801, after });
    await user.send("/source");
    await peer.waitForCall("sendMessage", { chatId: 801, after: peer.calls.indexOf(first) + 1 });
    const sent = peer.calls.slice(after).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "801");
    expect(sent).toHaveLength(2);
    expect(String(sent[0]!.payload.text).length).toBeLessThan(300);
  }, 30_000);

  it("GIVEN one user's 30 requests in 10 s in a group THEN at most 11 messages back (10 answers and one notice)", async () => {
    const chatId = -1009001;
    const flooder = peer.user({ userId: 802, chatId, chatType: "supergroup", languageCode: "en" });
    const after = peer.calls.length;
    for (let i = 0; i < 30; i++) await flooder.send("/actors");
    await peer.waitForCall("sendMessage", { chatId, after, where: (c) => /Too many requests/.test(String(c.payload.text)) });
    // Another member still gets an answer: the limit is per user. The chat's updates run in order, so theirs comes after the flood's.
    const other = peer.user({ userId: 803, chatId, chatType: "supergroup", languageCode: "en" });
    await other.send("/source");
    await peer.waitForCall("sendMessage", { chatId, after, where: (c) => String(c.payload.text).startsWith("<b>Source</b>") });
    const toGroup = peer.calls.slice(after).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId));
    const fromFlood = toGroup.length - 1;
    expect(fromFlood).toBeLessThanOrEqual(11);
    expect(toGroup.filter((c) => /Too many requests/.test(String(c.payload.text)))).toHaveLength(1);
  }, 60_000);
});
