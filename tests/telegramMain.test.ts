import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAULTS, startTelegramPeer, TEST_TOKEN, type TelegramPeer, type RecordedCall } from "./peers/telegramPeer.js";

/**
 * `npm start` with TELEGRAM_BOT_TOKEN set: the real composition root in a
 * child process (node --import tsx src/main.ts), long polling the local peer.
 */
const root = new URL("..", import.meta.url).pathname;
let peer: TelegramPeer;
let child: ChildProcess;
let output = "";
let exited: Promise<number | null>;

beforeAll(async () => {
  peer = await startTelegramPeer();
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: peer.apiRoot,
      TELEGRAM_WEBHOOK_URL: "",
      DISCORD_TOKEN: "",
      DATA_DIR: mkdtempSync(join(tmpdir(), "kabar-main-")),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  // Started once it polls (tsx compiles on the fly: allow for a slow machine).
  await peer.waitForCall("getUpdates", { includePending: true, timeoutMs: 25_000 }).catch((err: unknown) => {
    throw new Error(`bot did not start: ${String(err)}\n${output}`);
  });
});
afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await peer?.stop();
});

async function nextMessage(chatId: number, send: () => Promise<void>): Promise<RecordedCall> {
  const after = peer.calls.length;
  await send();
  return peer.waitForCall("sendMessage", { chatId, after });
}

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  const user = () => peer.user({ userId: 301, firstName: "Dewi", languageCode: "id" });

  test("GIVEN /start THEN an Indonesian HTML greeting with section buttons", async () => {
    const msg = await nextMessage(301, () => user().send("/start"));
    expect(msg.payload.parse_mode).toBe("HTML");
    expect(msg.payload.text).toMatch(/^<b>Halo, Dewi!<\/b>/);
    expect(msg.payload.reply_markup.inline_keyboard.flat().length).toBeGreaterThan(3);
  });

  test("GIVEN /reaction france THEN the French reaction in HTML with its quote", async () => {
    const msg = await nextMessage(301, () => user().send("/reaction france"));
    expect(msg.payload.text).toMatch(/^<b>🇫🇷 Reaksi Prancis<\/b>/);
    expect(msg.payload.text).toContain("<blockquote>“");
  });

  test("GIVEN 'apa kata PBB?' and a button press THEN the UN's reaction, then the message edited to the pressed section", async () => {
    const msg = await nextMessage(301, () => user().send("apa kata PBB?"));
    expect(msg.payload.text).toMatch(/^<b>🇺🇳 Reaksi PBB<\/b>/);
    const russia = (msg.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[]).find((b) => b.text.includes("Rusia"))!;
    const after = peer.calls.length;
    await user().press(russia.callback_data, msg.response!.result.message_id as number);
    const edit = await peer.waitForCall("editMessageText", { chatId: 301, after });
    expect(edit.payload.text).toMatch(/^<b>🇷🇺 Reaksi Rusia<\/b>/);
    await peer.waitForCall("answerCallbackQuery", { after });
  });

  test("GIVEN a follow-up, then /lang en THEN the process remembers the conversation and the chat's language (createKabar's wiring)", async () => {
    const other = () => peer.user({ userId: 302, languageCode: "id" });
    await nextMessage(302, () => other().send("apa kata rusia?"));
    const quote = await nextMessage(302, () => other().send("kutipannya mana?"));
    expect(quote.payload.text).toMatch(/^<b>🇷🇺 Kutipan: Rusia<\/b>/);
    await nextMessage(302, () => other().send("/lang en"));
    // Asked twice: the second answer comes from the caches and the chat language kept in memory.
    for (let i = 0; i < 2; i++) {
      const msg = await nextMessage(302, () => other().send("apa kata PBB?"));
      expect(msg.payload.text).toMatch(/^<b>🇺🇳 United Nations' reaction<\/b>/);
    }
  });

  test("GIVEN Telegram answering a reply with a 500 THEN the process sends it again after 3 s", async () => {
    peer.failNext("sendMessage", { chatId: 303, fault: FAULTS.serverError });
    const after = peer.calls.length;
    const sentAt = Date.now();
    await peer.user({ userId: 303, languageCode: "id" }).send("/reaction france");
    const reply = await peer.waitForCall("sendMessage", { chatId: 303, after, where: (c) => c.response?.ok === true, timeoutMs: 10_000 });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(3_000);
    expect(reply.payload.text).toMatch(/^<b>🇫🇷 Reaksi Prancis<\/b>/);
  });

  test("GIVEN SIGTERM THEN it stops polling and exits 0, and its output never shows the token", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("shutting down");
    expect(output).not.toContain(TEST_TOKEN);
  });
});
