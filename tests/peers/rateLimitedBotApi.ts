/**
 * A bare Telegram Bot API for fan-out tests and the `scale` bench: it accepts
 * sendMessage up to `perSecond` in any sliding second, bot-wide, and answers
 * 429 with retry_after beyond, as Telegram does; it records every attempt with
 * its arrival time, so a test can measure the peak rate the bot produced (not
 * only what was let through). getUpdates answers an empty list after a short
 * hold and counts overlapping pollers (Telegram allows one per token).
 * Everything else answers ok. Listens on 127.0.0.1, a free port.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SendAttempt {
  chatId: string;
  at: number;
  accepted: boolean;
  paidBroadcast: boolean;
}

export interface RateLimitedBotApi {
  apiRoot: string;
  readonly attempts: SendAttempt[];
  /** Accepted sendMessage calls per chat id. */
  accepted(): Map<string, number>;
  rejected(): number;
  /** Most attempts (accepted or not) that arrived within any `windowMs`. */
  peakAttempts(windowMs?: number): number;
  /** Most getUpdates calls open at the same moment. */
  readonly maxConcurrentPollers: number;
  /** Resolves when `count` sendMessage calls have been accepted in total. */
  waitForAccepted(count: number): Promise<void>;
  /** Resolves when `count` different chats have had a message accepted. */
  waitForChats(count: number): Promise<void>;
  stop(): Promise<void>;
}

const BOT = { id: 4242, is_bot: true, first_name: "Kabar", username: "kabar_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").includes("json")) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startRateLimitedBotApi(options: { perSecond: number; pollHoldMs?: number }): Promise<RateLimitedBotApi> {
  const attempts: SendAttempt[] = [];
  /** Accepted send times in the current second, oldest first. */
  const window: number[] = [];
  let openPollers = 0;
  let maxConcurrentPollers = 0;
  let acceptedCount = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const chats = new Set<string>();
  const chatWaiters: { count: number; resolve: () => void }[] = [];
  const wake = (list: { count: number; resolve: () => void }[], value: number) => {
    for (const w of list.filter((w) => value >= w.count)) {
      list.splice(list.indexOf(w), 1);
      w.resolve();
    }
  };
  let messageId = 0;

  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const payload = await body(req);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (method === "sendMessage") {
      const now = performance.now();
      while (window.length > 0 && window[0]! <= now - 1000) window.shift();
      const accepted = window.length < options.perSecond;
      const chatId = String(payload.chat_id);
      attempts.push({ chatId, at: now, accepted, paidBroadcast: payload.allow_paid_broadcast === true || payload.allow_paid_broadcast === "true" });
      if (!accepted) return reply(429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      window.push(now);
      acceptedCount++;
      chats.add(chatId);
      wake(waiters, acceptedCount);
      wake(chatWaiters, chats.size);
      return reply(200, {
        ok: true,
        result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: String(payload.text ?? "") },
      });
    }
    if (method === "getUpdates") {
      openPollers++;
      maxConcurrentPollers = Math.max(maxConcurrentPollers, openPollers);
      const done = () => openPollers--;
      const timer = setTimeout(() => {
        done();
        reply(200, { ok: true, result: [] });
      }, options.pollHoldMs ?? 300);
      // A poller killed mid-hold is no longer polling.
      res.once("close", () => {
        if (!res.writableEnded) {
          clearTimeout(timer);
          done();
        }
      });
      return;
    }
    if (method === "getMe") return reply(200, { ok: true, result: BOT });
    if (method === "getMyCommands") return reply(200, { ok: true, result: [] });
    return reply(200, { ok: true, result: true });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    attempts,
    accepted() {
      const counts = new Map<string, number>();
      for (const a of attempts) if (a.accepted) counts.set(a.chatId, (counts.get(a.chatId) ?? 0) + 1);
      return counts;
    },
    rejected: () => attempts.filter((a) => !a.accepted).length,
    peakAttempts(windowMs = 1000) {
      let peak = 0;
      let start = 0;
      for (let end = 0; end < attempts.length; end++) {
        while (attempts[end]!.at - attempts[start]!.at >= windowMs) start++;
        peak = Math.max(peak, end - start + 1);
      }
      return peak;
    },
    get maxConcurrentPollers() {
      return maxConcurrentPollers;
    },
    waitForAccepted(count) {
      if (acceptedCount >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    waitForChats(count) {
      if (chats.size >= count) return Promise.resolve();
      return new Promise((resolve) => chatWaiters.push({ count, resolve }));
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
