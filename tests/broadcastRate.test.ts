import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { makeReply } from "../src/core/reply.js";
import { telegramPacing } from "../src/digest/pacing.js";
import { TelegramPlatform } from "../src/platforms/telegram/telegramPlatform.js";
import { recordingLogger, testKabar } from "./helpers/core.js";
import { tempDataDir } from "./helpers/digest.js";
import { type RateLimitedBotApi, startRateLimitedBotApi } from "./peers/rateLimitedBotApi.js";

let api: RateLimitedBotApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

async function sendOne(paidBroadcast: boolean | undefined) {
  api = await startRateLimitedBotApi({ perSecond: 30 });
  const platform = new TelegramPlatform({
    token: "123456:broadcast-test-token",
    apiRoot: api.apiRoot,
    kabar: testKabar(),
    logger: recordingLogger().logger,
    dataDir: tempDataDir(),
    ...(paidBroadcast === undefined ? {} : { paidBroadcast }),
  });
  await platform.send("42", makeReply({ kind: "summary", lang: "id", title: "Kabar pagi", blocks: ["Ringkasan."] }));
  return api.attempts[0]!;
}

describe("TELEGRAM_BROADCAST_RATE", () => {
  it("GIVEN no TELEGRAM_BROADCAST_RATE THEN digests are paced at Telegram's free 30/s", () => {
    expect(loadConfig({}).TELEGRAM_BROADCAST_RATE).toBe(30);
  });

  it("GIVEN a rate above 1,000 or below 1 THEN start-up refuses it with one line", () => {
    expect(() => loadConfig({ TELEGRAM_BROADCAST_RATE: "1500" })).toThrow(/TELEGRAM_BROADCAST_RATE: must be at most 1000/);
    expect(() => loadConfig({ TELEGRAM_BROADCAST_RATE: "0" })).toThrow(/TELEGRAM_BROADCAST_RATE: must be at least 1/);
  });

  it("GIVEN 1,000/s THEN the Telegram pacer allows 1,000 in a window and keeps the per-chat gaps", () => {
    const rules = telegramPacing(1000);
    expect(rules.limit).toBe(1000);
    expect(rules.perChatGapMs?.("-100")).toBe(3000);
  });

  it("GIVEN paid broadcast on THEN a digest send carries allow_paid_broadcast; off (the default) THEN it does not", async () => {
    expect((await sendOne(true)).paidBroadcast).toBe(true);
    await api!.stop();
    expect((await sendOne(undefined)).paidBroadcast).toBe(false);
  });
});
