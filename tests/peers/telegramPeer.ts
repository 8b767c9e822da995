/**
 * A local Telegram Bot API for end-to-end tests: `telegram-test-api` (users,
 * updates, stored bot messages) behind a small HTTP proxy that adds what the
 * emulator lacks (errors, getChatMember, setMyCommands, real long polling,
 * webhook secret headers). Everything listens on 127.0.0.1 on free ports, so
 * test files can run in parallel.
 *
 *   const peer = await startTelegramPeer();
 *   const bot = new Bot(TOKEN, { client: { apiRoot: peer.apiRoot } });   // or TELEGRAM_API_ROOT=peer.apiRoot
 *   const alice = peer.user({ userId: 7, chatId: 7, languageCode: "id" }); // a private chat
 *   await alice.send("/reaction france");
 *   const msg = await peer.waitForCall("sendMessage", { chatId: 7 });      // (c) what the bot sent
 *   // or: const msg = await peer.nextMessage(7, () => alice.send("/actors"));
 *   await alice.press(data, msg.result.message_id);                        // a button press
 *   await peer.stop();
 *
 * (a) Group chats and administrators: `peer.user({ userId, chatId: -100123, chatType: "supergroup" })`
 *     sends messages from that group; `peer.setMember(-100123, userId, "administrator" | "creator" | "member")`
 *     decides what getChatMember answers (default "member"). `failNext("getChatMember", ...)` makes it fail.
 * (b) Failures: `peer.failNext("sendMessage", { chatId, fault: FAULTS.blocked })`, with FAULTS.blocked /
 *     kicked (403), chatNotFound (400), rateLimited(seconds) (429 + retry_after), migrated(newChatId)
 *     (400 + migrate_to_chat_id), serverError (500), or `network` (the connection is dropped).
 *     `times` (default 1; Infinity for always) says how many calls fail.
 * Like Telegram, sendMessage/editMessageText with parse_mode HTML answer 400 "can't parse entities"
 * for HTML Telegram would reject, and "message is too long" past 4,096 characters (telegramHtmlCheck.ts).
 * Like Telegram too (telegramRules.ts): 429 + retry_after past its sending limits (telegramLimits.ts: 30 a
 * second overall, 1 a second per private chat with short bursts, 20 a minute per group; `rateLimits: false`
 * turns them off), "message is not modified", malformed reply_markup and callback_data over 64 bytes
 * refused, "query is too old" for a late answerCallbackQuery, and after `peer.migrateChat(old, new)`
 * the old group id refused with migrate_to_chat_id. `startTelegramPeer({ now })` gives them a test's clock.
 * (c) What the bot sent: `peer.calls` (every call: method, payload, response), `peer.sent(chatId)`
 *     (successful sendMessage payloads), `peer.waitForCall(method, { chatId, where })` (event driven,
 *     bounded timeout), `peer.commandMenus()` (setMyCommands per language_code, "" = default).
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { checkTelegramHtml } from "./telegramHtmlCheck.js";
import { TELEGRAM_RATE_LIMITS, type TelegramRateLimits } from "./telegramLimits.js";
import { TelegramRules } from "./telegramRules.js";

export interface Fault {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export const FAULTS = {
  blocked: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
  kicked: { error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
  chatNotFound: { error_code: 400, description: "Bad Request: chat not found" },
  serverError: { error_code: 500, description: "Internal Server Error" },
  rateLimited: (seconds: number): Fault => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  }),
  migrated: (newChatId: number): Fault => ({
    error_code: 400,
    description: "Bad Request: group chat was upgraded to a supergroup chat",
    parameters: { migrate_to_chat_id: newChatId },
  }),
} as const;

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  /** The Bot API answer the bot got ({ ok, result } or { ok: false, error_code, ... }); undefined while pending or when dropped. */
  response?: Record<string, any>;
  /** The peer dropped the connection (a `network` fault). */
  dropped?: true;
}

interface FaultRule {
  method: string;
  chatId?: string;
  fault: Fault | "network";
  remaining: number;
}

export interface PeerUserOptions {
  userId: number;
  chatId?: number;
  chatType?: "private" | "group" | "supergroup";
  firstName?: string;
  languageCode?: string;
  /** Token of the bot this user talks to (default: the peer's TOKEN). */
  token?: string;
}

export const TEST_TOKEN = "123456:TEST";
export const TEST_BOT_ID = 666; // what telegram-test-api's getMe answers
export const TEST_BOT_USERNAME = "TestNameBot";

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  if ((req.headers["content-type"] ?? "").includes("json")) return JSON.parse(raw) as Record<string, any>;
  return Object.fromEntries(new URLSearchParams(raw));
}

const USER_EVENTS = ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"] as const;

export class TelegramPeer {
  readonly calls: RecordedCall[] = [];
  private readonly events = new EventEmitter();
  private readonly faults: FaultRule[] = [];
  private readonly members = new Map<string, string>();
  private readonly menus = new Map<string, unknown>();
  private readonly webhooks = new Map<string, { url: string; secret?: string }>();

  constructor(
    readonly emulator: TelegramServer,
    private readonly proxy: Server,
    /** Base URL for the bot (grammY `apiRoot`, TELEGRAM_API_ROOT). */
    readonly apiRoot: string,
    private readonly rules: TelegramRules,
  ) {
    this.events.setMaxListeners(100);
  }

  /** A user (in a private chat by default, or in a group) who sends messages and presses buttons. */
  user(options: PeerUserOptions) {
    const token = options.token ?? TEST_TOKEN;
    const chatType = options.chatType ?? "private";
    const client = this.emulator.getClient(token, {
      userId: options.userId,
      chatId: options.chatId ?? options.userId,
      firstName: options.firstName ?? "Tester",
      type: chatType,
      ...(chatType !== "private" ? { chatTitle: "Test group" } : {}),
    });
    const from = options.languageCode ? { from: { language_code: options.languageCode } } : {};
    return {
      client,
      /** Sends text; a leading "/word" gets the bot_command entity Telegram adds. `extra` is merged into the message. */
      send: async (text: string, extra: Record<string, unknown> = {}) => {
        if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text, { ...from, ...extra }));
        else await client.sendMessage(client.makeMessage(text, { ...from, ...extra }));
      },
      /** Presses an inline button with `data` under the bot message `messageId`. */
      press: async (data: string, messageId: number) => {
        await client.sendCallback(client.makeCallbackQuery(data, { ...from, message: { message_id: messageId } }));
      },
    };
  }

  /** The group `oldChatId` became the supergroup `newChatId`: Telegram refuses the old id from now on. */
  migrateChat(oldChatId: number, newChatId: number): void {
    this.rules.migrate(oldChatId, newChatId);
  }

  setMember(chatId: number, userId: number, status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked"): void {
    this.members.set(`${chatId}/${userId}`, status);
  }

  failNext(method: string, options: { chatId?: number | string; fault: Fault | "network"; times?: number }): void {
    this.faults.push({
      method,
      fault: options.fault,
      remaining: options.times ?? 1,
      ...(options.chatId !== undefined ? { chatId: String(options.chatId) } : {}),
    });
  }

  /** Successful sendMessage payloads, optionally for one chat. */
  sent(chatId?: number | string): Record<string, any>[] {
    return this.calls
      .filter((c) => c.method === "sendMessage" && c.response?.ok && (chatId === undefined || String(c.payload.chat_id) === String(chatId)))
      .map((c) => c.payload);
  }

  /** setMyCommands calls so far, by language_code ("" for the default list). */
  commandMenus(): Map<string, unknown> {
    return this.menus;
  }

  /** Resolves with the first call (past or future) of `method` matching the filters; rejects after `timeoutMs`. */
  waitForCall(
    method: string,
    filter: {
      chatId?: number | string;
      where?: (call: RecordedCall) => boolean;
      /** Index in `calls` to search from (calls.length before an action: only calls it caused). */
      after?: number;
      /** Also match calls not answered yet (a long poll in progress: the bot is polling). */
      includePending?: boolean;
      timeoutMs?: number;
    } = {},
  ): Promise<RecordedCall> {
    const matches = (c: RecordedCall) =>
      c.method === method &&
      (filter.includePending || c.response !== undefined) &&
      (filter.chatId === undefined || String(c.payload.chat_id) === String(filter.chatId)) &&
      (filter.where?.(c) ?? true);
    const existing = this.calls.slice(filter.after ?? 0).find(matches);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off("call", onCall);
        reject(new Error(`no ${method} call within ${filter.timeoutMs ?? 5000} ms`));
      }, filter.timeoutMs ?? 5000);
      const onCall = (c: RecordedCall) => {
        if (!matches(c)) return;
        clearTimeout(timer);
        this.events.off("call", onCall);
        resolve(c);
      };
      this.events.on("call", onCall);
    });
  }

  /** Runs `action` (a user sending something) and resolves with the bot's next sendMessage to `chatId`. */
  async nextMessage(chatId: number, action: () => Promise<void>): Promise<RecordedCall> {
    const after = this.calls.length;
    await action();
    return this.waitForCall("sendMessage", { chatId, after });
  }

  async stop(): Promise<void> {
    this.events.emit("stop");
    this.proxy.closeAllConnections();
    await new Promise((resolve) => this.proxy.close(resolve));
    await this.emulator.stop();
  }

  // --- the proxy ---

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://peer");
    const relay = /^\/relay\/(.+)$/.exec(url.pathname);
    if (relay) return this.relayWebhook(decodeURIComponent(relay[1]!), req, res);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const [, token, method] = m as unknown as [string, string, string];
    const payload = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    const call: RecordedCall = { method, payload };
    this.calls.push(call);
    this.events.emit("call", call);
    const rule = this.faults.find((f) => f.method === method && f.remaining > 0 && (f.chatId === undefined || f.chatId === String(payload.chat_id)));
    if (rule) {
      rule.remaining--;
      if (rule.fault === "network") {
        call.dropped = true;
        req.socket.destroy();
        return;
      }
      return this.answer(res, call, { ok: false, ...rule.fault }, rule.fault.error_code);
    }
    const refused = this.rules.refuse(method, payload);
    if (refused) return this.answer(res, call, refused, refused.error_code);
    // Like Telegram, refuse HTML it could not parse and texts over 4,096 characters (the emulator accepts anything).
    if ((method === "sendMessage" || method === "editMessageText") && payload.parse_mode === "HTML") {
      const problem = checkTelegramHtml(String(payload.text ?? ""));
      if (problem) return this.answer(res, call, { ok: false, error_code: 400, description: problem }, 400);
    }
    const throttled = this.rules.throttle(method, payload);
    if (throttled) return this.answer(res, call, throttled, throttled.error_code);
    const local = this.localMethod(token, method, payload);
    if (local) return this.answer(res, call, local);
    if (method === "getUpdates") await this.waitForUserUpdate(token, Number(payload.timeout ?? 0), req);
    const upstream = await fetch(`${this.emulator.config.apiURL}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(method === "setWebhook" ? this.registerWebhook(token, payload) : payload),
    });
    const body = (await upstream.json()) as Record<string, any>;
    if (body.ok) this.rules.record(method, payload, body.result);
    if (method === "getMe" && body.ok) body.result = { is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, ...body.result };
    return this.answer(res, call, body, upstream.status);
  }

  private answer(res: ServerResponse, call: RecordedCall, body: Record<string, any>, status = 200): void {
    call.response = body;
    if (!res.destroyed) res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    this.events.emit("call", call);
  }

  /** Methods the emulator lacks, answered here. */
  private localMethod(_token: string, method: string, payload: Record<string, any>): Record<string, any> | undefined {
    switch (method) {
      case "setMyCommands": {
        const commands = typeof payload.commands === "string" ? JSON.parse(payload.commands) : payload.commands;
        this.menus.set(payload.language_code ?? "", commands);
        return { ok: true, result: true };
      }
      case "getMyCommands":
        return { ok: true, result: this.menus.get(payload.language_code ?? "") ?? [] };
      case "getChatMember": {
        const status = this.members.get(`${payload.chat_id}/${payload.user_id}`) ?? "member";
        return { ok: true, result: { status, user: { id: Number(payload.user_id), is_bot: false, first_name: "User" } } };
      }
      case "sendChatAction":
        return { ok: true, result: true };
      default:
        return undefined;
    }
  }

  /**
   * The emulator answers getUpdates at once, even when empty, so an idle bot
   * would poll it thousands of times a second. Real long polling: wait for a
   * user update, the client giving up, or `timeout` seconds.
   */
  private async waitForUserUpdate(token: string, timeoutSeconds: number, req: IncomingMessage): Promise<void> {
    if (timeoutSeconds <= 0 || this.emulator.storage.userMessages.some((u) => u.botToken === token && !u.isRead)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        for (const e of USER_EVENTS) this.emulator.off(e, done);
        this.events.off("stop", done);
        req.socket.off("close", done);
        resolve();
      };
      const timer = setTimeout(done, timeoutSeconds * 1000);
      for (const e of USER_EVENTS) this.emulator.on(e, done);
      this.events.on("stop", done);
      req.socket.on("close", done);
    });
  }

  /** The emulator posts webhook updates without the secret header; it posts them here and we add it. */
  private registerWebhook(token: string, payload: Record<string, any>): Record<string, any> {
    this.webhooks.set(token, { url: String(payload.url), ...(payload.secret_token ? { secret: String(payload.secret_token) } : {}) });
    return { ...payload, url: `${this.apiRoot}/relay/${encodeURIComponent(token)}` };
  }

  private async relayWebhook(token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hook = this.webhooks.get(token);
    const body = JSON.stringify(await readBody(req));
    if (!hook) return void res.writeHead(404).end();
    const out = await fetch(hook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(hook.secret ? { "x-telegram-bot-api-secret-token": hook.secret } : {}) },
      body,
    });
    res.writeHead(out.status).end(await out.text());
  }
}

export interface TelegramPeerOptions {
  /** The peer's clock, for its rate limits and the callback answer window (a test's ManualClock). */
  now?: () => number;
  /** Telegram's limits by default (telegramLimits.ts); false only for a test that says why it sends faster. */
  rateLimits?: TelegramRateLimits | false;
}

export async function startTelegramPeer(options: TelegramPeerOptions = {}): Promise<TelegramPeer> {
  let emulator: TelegramServer | undefined;
  for (let attempt = 0; !emulator; attempt++) {
    // telegram-test-api cannot listen on port 0; a port found free can be taken meanwhile, so retry.
    const candidate = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
    try {
      await candidate.start();
      emulator = candidate;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
  let peer: TelegramPeer | undefined;
  const proxy = createServer((req, res) => {
    peer!.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502).end(JSON.stringify({ ok: false, error_code: 502, description: String(err) }));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  const rules = new TelegramRules({ now: options.now ?? Date.now, rateLimits: options.rateLimits ?? TELEGRAM_RATE_LIMITS });
  peer = new TelegramPeer(emulator, proxy, `http://127.0.0.1:${port}`, rules);
  return peer;
}
