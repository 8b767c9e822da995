import { join } from "node:path";
import type { Bot } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { ManualClock } from "../src/digest/clock.js";
import { createTelegramBot } from "../src/platforms/telegram/bot.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { testKabar } from "./helpers/core.js";
import { jakarta, tempDataDir } from "./helpers/digest.js";
import { OFFLINE_BOT_INFO, textUpdate } from "./peers/telegramOffline.js";

/**
 * Channels and private previews, driven offline through grammY's own update
 * handling (`bot.handleUpdate`) with a recording API transformer: the local
 * Bot API emulator has no channels. Calls return what Telegram would.
 */

interface Recorded {
  method: string;
  payload: Record<string, unknown>;
}

const stores: SqliteSubscriptionStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function harness(options: { blockedUsers?: number[] } = {}) {
  const store = new SqliteSubscriptionStore(join(tempDataDir(), "kabar.db"));
  stores.push(store);
  const clock = new ManualClock(jakarta(6, 0));
  const kabar = testKabar({ services: { [DIGEST_SERVICE]: { store, clock } } });
  const bot: Bot = createTelegramBot({ token: "1:offline", kabar, botInfo: OFFLINE_BOT_INFO });
  const calls: Recorded[] = [];
  let messageId = 100;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = JSON.parse(JSON.stringify(payload ?? {})) as Record<string, unknown>;
    calls.push({ method, payload: p });
    if (method === "sendMessage" && options.blockedUsers?.includes(Number(p.chat_id))) {
      return { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" } as never;
    }
    if (method === "getChatMember") return { ok: true, result: { status: "administrator", user: { id: 1 } } } as never;
    return { ok: true, result: { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } } as never;
  });
  return { bot, calls, store };
}

const channelPost = (chatId: number, text: string) => textUpdate({ id: chatId, type: "channel", title: "Berita" }, text);
const groupMessage = (chatId: number, userId: number, text: string) =>
  textUpdate({ id: chatId, type: "supergroup", title: "Group" }, text, { id: userId, is_bot: false, first_name: "Ana", language_code: "en" });

describe("Telegram channels", () => {
  it("GIVEN an admin posts /digest subscribe in a channel THEN the channel is subscribed and the bot answers there", async () => {
    const { bot, calls, store } = harness();
    await bot.handleUpdate(channelPost(-100777, "/digest subscribe 07:30 Asia/Jakarta"));
    const sub = await store.get("telegram", "-100777");
    expect(sub).toMatchObject({ time: "07:30", timeZone: "Asia/Jakarta", active: true });
    const answer = calls.find((c) => c.method === "sendMessage");
    expect(answer?.payload.chat_id).toBe(-100777);
  });

  it("GIVEN an ordinary post in a channel THEN the bot stays silent", async () => {
    const { bot, calls } = harness();
    await bot.handleUpdate(channelPost(-100778, "Hari ini kami menerbitkan laporan baru tentang Prancis."));
    expect(calls.filter((c) => c.method === "sendMessage")).toEqual([]);
  });
});

describe("digest preview in a Telegram group", () => {
  it("GIVEN /digest preview in a group THEN the preview goes to the caller privately and the group gets a pointer", async () => {
    const { bot, calls } = harness();
    await bot.handleUpdate(groupMessage(-100900, 31, "/digest preview"));
    const sends = calls.filter((c) => c.method === "sendMessage");
    expect(sends.map((c) => c.payload.chat_id)).toEqual([31, -100900]);
    expect(String(sends[0]!.payload.text)).toContain("Tribunnews.com");
    expect(sends[1]!.payload.text).toBe("Sent to you in a private message.");
  });

  it("GIVEN a caller who never started a private chat THEN the group is told how to start one", async () => {
    const { bot, calls } = harness({ blockedUsers: [32] });
    await bot.handleUpdate(groupMessage(-100901, 32, "/digest preview"));
    const last = calls.filter((c) => c.method === "sendMessage").at(-1)!;
    expect(last.payload.chat_id).toBe(-100901);
    expect(String(last.payload.text)).toMatch(/Open a chat with @KabarTestBot/);
  });
});
