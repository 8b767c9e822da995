import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKabar } from "../src/app.js";
import { LibraryHolder } from "../src/content/reload.js";
import { t } from "../src/core/strings.js";
import { ManualClock } from "../src/digest/clock.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { library } from "./helpers/core.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import { PERMISSIONS } from "./peers/discordPayloads.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { startKabarOnPeer, type KabarOnPeer } from "./peers/telegramKabar.js";
import { startTelegramPeer, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * A chat's /lang choice is honoured by the replies a platform makes itself
 * (the Telegram greeting, an expired button's notice), not only by the
 * core's answers. Through the wiring `npm start` uses (createKabar, the
 * per-chat language in the store) and the real client libraries.
 */
function productionKabar() {
  const clock = new ManualClock(Date.parse("2026-01-05T08:00:00Z"));
  const store = new SqliteSubscriptionStore(":memory:");
  return createKabar(new LibraryHolder(library), undefined, { [DIGEST_SERVICE]: { store, clock } }, () => clock.now());
}

describe("on Telegram (grammY against the local peer)", () => {
  let peer: TelegramPeer;
  let bot: KabarOnPeer;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    bot = await startKabarOnPeer(peer, { kabar: productionKabar() });
  });
  afterAll(async () => {
    await bot?.platform.stop();
    await peer?.stop();
  });

  it("GIVEN /lang en from an Indonesian-locale user WHEN they send /start THEN the greeting is in English", async () => {
    const user = peer.user({ userId: 701, firstName: "Sari", languageCode: "id" });
    await peer.nextMessage(701, () => user.send("/lang en"));
    const msg = await peer.nextMessage(701, () => user.send("/start"));
    expect(String(msg.payload.text)).toMatch(/^<b>Hello, Sari!<\/b>/);
  });

  it("GIVEN /lang en from an Indonesian-locale user WHEN they press an expired button THEN its notice is in English", async () => {
    const user = peer.user({ userId: 702, languageCode: "id" });
    const msg = await peer.nextMessage(702, () => user.send("/lang en"));
    const after = peer.calls.length;
    await user.press("v0:reaction:fr", msg.response!.result.message_id as number);
    const answer = await peer.waitForCall("answerCallbackQuery", { after });
    expect(answer.payload.text).toBe(t("en").staleButton);
  });

  it("GIVEN /lang id from an English-locale user WHEN they press an expired button THEN its notice is in Indonesian", async () => {
    const user = peer.user({ userId: 703, languageCode: "en" });
    const msg = await peer.nextMessage(703, () => user.send("/lang id"));
    const after = peer.calls.length;
    await user.press("k1|gone|en|", msg.response!.result.message_id as number);
    const answer = await peer.waitForCall("answerCallbackQuery", { after });
    expect(answer.payload.text).toBe(t("id").staleButton);
  });

  it("GIVEN no /lang choice THEN an expired button's notice follows the user's app language, as before", async () => {
    const user = peer.user({ userId: 704, languageCode: "id" });
    const msg = await peer.nextMessage(704, () => user.send("/actors"));
    const after = peer.calls.length;
    await user.press("v0:reaction:fr", msg.response!.result.message_id as number);
    expect((await peer.waitForCall("answerCallbackQuery", { after })).payload.text).toBe(t("id").staleButton);
  });
});

describe("on Discord (discord.js against the fake Discord)", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot({ kabar: productionKabar() });
  });
  afterAll(async () => {
    await bot?.close();
  });
  const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

  it("GIVEN /lang en in a channel (set by a moderator) WHEN an Indonesian-locale user presses an expired button there THEN its notice is in English", async () => {
    const place = bot.inGuild({ locale: "id", permissions: PERMISSIONS.manageChannels });
    const set = bot.discord.slashCommand(place, { name: "lang", options: [{ name: "language", value: "en" }] });
    await bot.discord.waitForRequest(callbackOf(set.id));
    const press = bot.discord.pressButton({ ...place, permissions: PERMISSIONS.viewAndSend }, "some-other-bot:42");
    const { body } = await bot.discord.waitForRequest(callbackOf(press.id));
    expect(body.data.content).toBe(t("en").staleButton);
  });
});
