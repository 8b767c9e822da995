import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { DeliveryError } from "../src/core/platform.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { syncCommandMenu } from "../src/platforms/telegram/commandMenu.js";
import { ManualClock } from "../src/digest/clock.js";
import { type KabarOnPeer, sleepOn, startKabarOnPeer, useKabarOnPeer } from "./peers/telegramKabar.js";
import { FAULTS, type Fault, freePort, startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * Failures the emulator cannot produce, injected by the peer's proxy: what
 * `send` reports to the digest scheduler, what an interactive reply does
 * with 429, how polling survives a network drop, the command menu, webhooks.
 */
// The platform waits between retries (429 retry_after, polling back-off) on this clock: the tests move it.
const clock = new ManualClock(0);
const { sleep, waits } = sleepOn(clock);
const fixture = useKabarOnPeer({ sleep });

/** Resolves once the platform has asked for its `n`th wait (counted from the start of the file) and returns it in ms. */
async function nthWait(n: number): Promise<number> {
  await vi.waitFor(() => expect(waits.length).toBeGreaterThanOrEqual(n), { timeout: 5_000, interval: 5 });
  return waits[n - 1]!;
}

const nextMessage = (chatId: number, send: () => Promise<void>) => fixture.peer.nextMessage(chatId, send);

const digestLike = makeReply({
  kind: "digest",
  lang: "id",
  title: "Kabar harian <b>",
  blocks: ["A & B"],
  followUps: [{ label: "Ringkasan", call: { command: "summary", lang: "id", args: {} } }],
});

describe("TelegramPlatform.send (digest deliveries)", () => {
  test("GIVEN a reachable chat THEN the reply is posted as escaped HTML with its keyboard", async () => {
    const after = fixture.peer.calls.length;
    await fixture.bot.platform.send("telegram:55", digestLike);
    const sent = await fixture.peer.waitForCall("sendMessage", { chatId: 55, after });
    expect(sent.payload.text).toBe("<b>Kabar harian &lt;b&gt;</b>\n\nA &amp; B");
    expect(sent.payload.reply_markup.inline_keyboard[0][0].callback_data).toBe("k1|summary|id|");
  });

  test.each<[string, Fault | "network", Partial<DeliveryError>, { code?: unknown; retryAfterMs?: number; migratedTo?: string }]>([
    ["403 blocked", FAULTS.blocked, { failure: "gone" }, { code: 403 }],
    ["403 kicked", FAULTS.kicked, { failure: "gone" }, { code: 403 }],
    ["400 chat not found", FAULTS.chatNotFound, { failure: "gone" }, { code: 400 }],
    ["400 migrate_to_chat_id", FAULTS.migrated(-100999), { failure: "migrated" }, { code: 400, migratedTo: "-100999" }],
    ["429 retry_after 7", FAULTS.rateLimited(7), { failure: "rate_limited" }, { code: 429, retryAfterMs: 7000 }],
    ["500", FAULTS.serverError, { failure: "transient" }, { code: 500 }],
    ["a dropped connection", "network", { failure: "transient" }, { code: "network" }],
  ])("GIVEN sendMessage answers %s THEN send throws the matching DeliveryError after one attempt", async (_name, fault, expected, details) => {
    const chatId = 7000 + Math.floor(Math.random() * 1000);
    fixture.peer.failNext("sendMessage", { chatId, fault });
    const after = fixture.peer.calls.length;
    const err = await fixture.bot.platform.send(String(chatId), digestLike).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject(expected);
    expect((err as DeliveryError).details).toMatchObject(details);
    expect((err as DeliveryError).message).not.toContain(TEST_TOKEN);
    // No retry in this path: the scheduler decides when to try again.
    expect(fixture.peer.calls.slice(after).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId))).toHaveLength(1);
  });
});

describe("interactive replies", () => {
  /** A user asks /actors while Telegram answers the reply with `fault` (`times` tries in a row). */
  async function actorsWithFault(chatId: number, fault: Fault, times = 1): Promise<{ after: number; waited: number }> {
    fixture.peer.failNext("sendMessage", { chatId, fault, times });
    const user = fixture.peer.user({ userId: chatId, languageCode: "en" });
    const start = { after: fixture.peer.calls.length, waited: waits.length };
    await user.send("/actors");
    return start;
  }
  const sendMessages = (after: number, errorCode?: number) =>
    fixture.peer.calls.slice(after).filter((c) => c.method === "sendMessage" && (errorCode === undefined || c.response?.error_code === errorCode));
  const firstAnswered = (chatId: number, after: number) => fixture.peer.waitForCall("sendMessage", { chatId, after, where: (c) => c.response?.ok === true });
  /** Lets each expected wait pass in turn, checking its length. */
  async function passWaits(waited: number, expected: number[]): Promise<void> {
    for (const [i, ms] of expected.entries()) {
      expect(await nthWait(waited + i + 1)).toBe(ms);
      clock.advance(ms);
    }
  }

  test("GIVEN a 429 with retry_after 1 on a reply THEN the reply is sent again once 1 s has passed, not before", async () => {
    const { after, waited } = await actorsWithFault(60, FAULTS.rateLimited(1));
    expect(await nthWait(waited + 1)).toBe(1_000);
    clock.advance(999);
    // Still waiting: the retry is not sent a millisecond early.
    expect(clock.pending).toBe(1);
    expect(sendMessages(after)).toHaveLength(1);
    clock.advance(1);
    const reply = await firstAnswered(60, after);
    expect(reply.payload.text).toMatch(/^<b>Reactions in this article<\/b>/);
    expect(sendMessages(after)).toHaveLength(2);
  });

  test("GIVEN a 429 asking for more than the 2 s cap on a reply THEN it is not waited for: one attempt, the failure logged, the user apologised to", async () => {
    const { after, waited } = await actorsWithFault(64, FAULTS.rateLimited(3));
    const apology = await firstAnswered(64, after);
    expect(apology.payload.text).toBe(t("en").genericError);
    expect(sendMessages(after)).toHaveLength(2);
    expect(waits.length).toBe(waited);
  });

  test("GIVEN a 429 on every try THEN the reply is tried again twice (maxRetryAttempts 2), each after its retry_after, then given up", async () => {
    const { after, waited } = await actorsWithFault(65, FAULTS.rateLimited(1), 3);
    await passWaits(waited, [1_000, 1_000]);
    const apology = await firstAnswered(65, after);
    expect(apology.payload.text).toBe(t("en").genericError);
    expect(sendMessages(after, 429)).toHaveLength(3);
    expect(waits.length).toBe(waited + 2);
  });

  test("GIVEN a 500 on a reply THEN it is sent again after 3 s, not before (Telegram's servers recovering)", async () => {
    const { after, waited } = await actorsWithFault(66, FAULTS.serverError);
    expect(await nthWait(waited + 1)).toBe(3_000);
    clock.advance(2_999);
    expect(clock.pending).toBe(1);
    expect(sendMessages(after)).toHaveLength(1);
    clock.advance(1);
    const reply = await firstAnswered(66, after);
    expect(reply.payload.text).toMatch(/^<b>Reactions in this article<\/b>/);
  });

  test("GIVEN a 500 on every try THEN the waits double (3 s, 6 s) and the reply is given up after maxRetryAttempts, with an apology", async () => {
    const { after, waited } = await actorsWithFault(67, FAULTS.serverError, 3);
    await passWaits(waited, [3_000, 6_000]);
    const apology = await firstAnswered(67, after);
    expect(apology.payload.text).toBe(t("en").genericError);
    expect(sendMessages(after, 500)).toHaveLength(3);
  });

  test("GIVEN a reply that fails THEN the failure is logged with context and the user gets a short apology", async () => {
    fixture.peer.failNext("sendMessage", { chatId: 61, fault: FAULTS.chatNotFound });
    const user = fixture.peer.user({ userId: 61, languageCode: "id" });
    const after = fixture.peer.calls.length;
    await user.send("/actors");
    const apology = await fixture.peer.waitForCall("sendMessage", { chatId: 61, after, where: (c) => c.response?.ok === true });
    expect(apology.payload.text).toBe(t("id").genericError);
    const line = fixture.bot.logs.find((l) => l.includes("telegram update failed") && l.includes('"chatId":61'));
    expect(line).toBeDefined();
    expect(line).not.toContain(TEST_TOKEN);
  });

  test("GIVEN getUpdates fails twice (dropped connections) THEN polling backs off 250 then 500 ms, carries on, and messages are answered", async () => {
    const user = fixture.peer.user({ userId: 62, languageCode: "en" });
    // The next two polls fail (the one waiting now, if any, still delivers).
    fixture.peer.failNext("getUpdates", { fault: "network", times: 2 });
    const waited = waits.length;
    const first = nextMessage(62, () => user.send("/source"));
    // Backing off, doubling: 250 ms after the first failure, 500 ms after the second; no poll goes out before.
    expect(await nthWait(waited + 1)).toBe(250);
    clock.advance(250);
    expect(await nthWait(waited + 2)).toBe(500);
    const polls = fixture.peer.calls.filter((c) => c.method === "getUpdates").length;
    clock.advance(499);
    expect(clock.pending).toBe(1);
    expect(fixture.peer.calls.filter((c) => c.method === "getUpdates")).toHaveLength(polls);
    clock.advance(1);
    await first;
    const reply = await nextMessage(62, () => user.send("/actors"));
    expect(reply.payload.text).toMatch(/^<b>Reactions in this article<\/b>/);
    expect(fixture.peer.calls.filter((c) => c.method === "getUpdates" && c.dropped)).toHaveLength(2);
    expect(fixture.bot.logs.some((l) => l.includes("Telegram unreachable; retrying"))).toBe(true);
  });

  test("GIVEN hostile text in a command THEN the reply is HTML Telegram accepts, escaped, with the echo cut to 100 characters", async () => {
    const user = fixture.peer.user({ userId: 63, languageCode: "en" });
    // Under the 1,000-character limit; the name repeated back is cut to 100 characters (one message, not several).
    const hostile = `<script>alert(1)</script> & <b>unbalanced <i> ${"x<&>".repeat(200)}`;
    const after = fixture.peer.calls.length;
    await user.send(`/reaction ${hostile}`);
    // The peer answers 400 to HTML Telegram would reject, so every ok is an accepted message.
    const last = await fixture.peer.waitForCall("sendMessage", { chatId: 63, after, where: (c) => c.payload.text.includes("Source:") });
    const sent = fixture.peer.calls.slice(after, fixture.peer.calls.indexOf(last) + 1).filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    for (const c of sent) {
      expect(c.response?.ok).toBe(true);
      expect(c.payload.text.length).toBeLessThanOrEqual(4096);
      expect(c.payload.text).not.toContain("<script>");
    }
    expect(sent.map((c) => c.payload.text).join("\n")).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;unbalanced &lt;i&gt;");
  });
});

describe("command menu", () => {
  test("GIVEN the menu registered once THEN the next start skips setMyCommands; a changed menu registers again", async () => {
    const api = new Api(TEST_TOKEN, { apiRoot: fixture.peer.apiRoot });
    const stateFile = `${fixture.bot.dataDir}/menu-test.json`;
    const count = () => fixture.peer.calls.filter((c) => c.method === "setMyCommands").length;
    const before = count();
    expect(await syncCommandMenu(api, COMMANDS, { stateFile, botId: 1 })).toBe("updated");
    expect(count()).toBe(before + 2);
    expect(await syncCommandMenu(api, COMMANDS, { stateFile, botId: 1 })).toBe("unchanged");
    expect(count()).toBe(before + 2);
    expect(await syncCommandMenu(api, COMMANDS.slice(1), { stateFile, botId: 1 })).toBe("updated");
    expect(count()).toBe(before + 4);
  });

  test("GIVEN setMyCommands fails THEN it is logged, not fatal, and tried again at the next start", async () => {
    const api = new Api(TEST_TOKEN, { apiRoot: fixture.peer.apiRoot });
    const stateFile = `${fixture.bot.dataDir}/menu-fail.json`;
    fixture.peer.failNext("setMyCommands", { fault: { error_code: 400, description: "Bad Request: too many requests to setMyCommands" } });
    const warnings: unknown[] = [];
    const logger = { warn: (o: unknown) => warnings.push(o), info: () => {} } as never;
    expect(await syncCommandMenu(api, COMMANDS, { stateFile, botId: 1, logger })).toBe("failed");
    expect(warnings).toHaveLength(1);
    expect(await syncCommandMenu(api, COMMANDS, { stateFile, botId: 1 })).toBe("updated");
  });
});

describe("webhook mode", () => {
  let hookPeer: TelegramPeer;
  let hookBot: KabarOnPeer;
  let url: string;
  beforeAll(async () => {
    hookPeer = await startTelegramPeer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram-hook`;
    hookBot = await startKabarOnPeer(hookPeer, { webhook: { url, port, host: "127.0.0.1", secret: "s3cret-value" } });
  });
  afterAll(async () => {
    await hookBot?.platform.stop();
    await hookPeer?.stop();
  });

  test("GIVEN webhook mode THEN setWebhook carries the secret and updates posted by Telegram are answered", async () => {
    const setWebhook = await hookPeer.waitForCall("setWebhook");
    expect(setWebhook.payload).toMatchObject({ url, secret_token: "s3cret-value" });
    const user = hookPeer.user({ userId: 70, languageCode: "en" });
    const after = hookPeer.calls.length;
    await user.send("/actors");
    const reply = await hookPeer.waitForCall("sendMessage", { chatId: 70, after });
    expect(reply.payload.text).toMatch(/^<b>Reactions in this article<\/b>/);
    expect(hookPeer.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  test("GIVEN a POST without Telegram's secret header THEN it is refused with 401", async () => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ update_id: 1 }) });
    expect(res.status).toBe(401);
  });
});
