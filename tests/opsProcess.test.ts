import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { HealthReport } from "../src/ops/health.js";
import { type MainProcess, startMain } from "./helpers/mainProcess.js";
import { freePort, startTelegramPeer, TEST_BOT_USERNAME, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * `npm start` with HTTP_PORT: the real composition root in a child process,
 * Telegram on the local peer, the operations endpoint asked over HTTP.
 */
const startBot = (env: Record<string, string>) => startMain({ LOG_LEVEL: "warn", ...env });
const startLine = (bot: MainProcess) => bot.waitForLine(/^telegram: .*$/m, { timeoutMs: 25_000 });

async function readiness(url: string): Promise<{ status: number; report: HealthReport }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, report: (await res.json()) as HealthReport };
}

describe("npm start with Telegram polling and HTTP_PORT", () => {
  let peer: TelegramPeer;
  let bot: MainProcess;
  let url: string;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    bot = startBot({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: peer.apiRoot, HTTP_PORT: String(port) });
  });
  afterAll(async () => {
    bot?.cleanup();
    await peer?.stop();
  });

  test("GIVEN it started THEN it prints one plain start line naming the bot and the mode", async () => {
    expect(await startLine(bot)).toBe(`telegram: connected as @${TEST_BOT_USERNAME} (polling)`);
  });

  test("GIVEN it runs THEN /healthz is 200 and /readyz is 200 with content, store and telegram working", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const { status, report } = await readiness(url);
    expect(status).toBe(200);
    expect(report.parts).toEqual({ content: { ok: true }, store: { ok: true }, telegram: { ok: true } });
  });

  test("GIVEN a command and a question answered THEN /metrics counts them by platform and kind, times them, and shows the content", async () => {
    const user = peer.user({ userId: 501, firstName: "Ops", languageCode: "id" });
    let after = peer.calls.length;
    await user.send("/actors");
    await peer.waitForCall("sendMessage", { chatId: 501, after });
    after = peer.calls.length;
    await user.send("apa kata PBB?");
    await peer.waitForCall("sendMessage", { chatId: 501, after });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^kabar_updates_total\{platform="telegram",kind="command"\} 1$/m);
    expect(text).toMatch(/^kabar_updates_total\{platform="telegram",kind="text"\} 1$/m);
    expect(text).toMatch(/^kabar_answer_seconds_count\{kind="call"\} 1$/m);
    expect(text).toMatch(/^kabar_answer_seconds_count\{kind="text"\} 1$/m);
    expect(text).toMatch(/^kabar_articles [1-9]\d*$/m);
    expect(text).toMatch(/^kabar_content_version [1-9]\d*$/m);
    // No chat id in any label set: labels take few values. (Only label sets are searched: a sample
    // value such as a CPU counter may contain the digits by chance.)
    const labelSets = text.match(/\{[^}\n]*\}/g) ?? [];
    expect(labelSets.length).toBeGreaterThan(0);
    expect(labelSets.filter((labels) => labels.includes("501"))).toEqual([]);
  });

  test("GIVEN the database file deleted under the running bot THEN /readyz turns 503 and names the store", async () => {
    rmSync(join(bot.dataDir, "kabar.db"));
    const { status, report } = await readiness(url);
    expect(status).toBe(503);
    expect(report.parts.store).toEqual({ ok: false, reason: expect.stringMatching(/kabar\.db is gone/) });
    expect(report.parts.telegram).toEqual({ ok: true });
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^kabar_store_failures_total [1-9]/m);
  });

  test("GIVEN SIGTERM THEN it exits 0 and the endpoint closes", async () => {
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(bot.output).not.toContain(TEST_TOKEN);
  });
});

describe("npm start with a Telegram webhook on the same port as HTTP_PORT", () => {
  let peer: TelegramPeer;
  let bot: MainProcess;
  let url: string;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // A local Bot API server (the peer) may call an http webhook; Telegram's cloud would need https.
    bot = startBot({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: peer.apiRoot,
      TELEGRAM_WEBHOOK_URL: `${url}/telegram-hook`,
      PORT: String(port),
      HTTP_PORT: String(port),
    });
  });
  afterAll(async () => {
    bot?.cleanup();
    await peer?.stop();
  });

  test("GIVEN one port for both THEN the webhook answers updates and /healthz, /readyz answer on that same port", async () => {
    expect(await startLine(bot)).toBe(`telegram: connected as @${TEST_BOT_USERNAME} (webhook)`);
    const after = peer.calls.length;
    await peer.user({ userId: 502, languageCode: "en" }).send("/actors");
    const reply = await peer.waitForCall("sendMessage", { chatId: 502, after });
    expect(reply.payload.text).toMatch(/^<b>Reactions in this article<\/b>/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await readiness(url)).status).toBe(200);
    expect(peer.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });
});
