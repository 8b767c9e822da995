import { afterEach, describe, expect, it } from "vitest";
import type { Platform } from "../src/core/platform.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { library, testKabar } from "./helpers/core.js";
import { jakarta, JumpClock, subscription, tempDataDir } from "./helpers/digest.js";
import { startDiscordTestBot } from "./peers/discordHarness.js";
import { PERMISSIONS } from "./peers/discordPayloads.js";
import { startKabarOnPeer } from "./peers/telegramKabar.js";
import { FAULTS, startTelegramPeer, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * The "done when", on each platform's local peer: a chat subscribes
 * through the real command path with a time one minute ahead, the (injected)
 * clock moves to that minute, exactly one digest arrives; a restart does not
 * send it again; `digest status` shows the subscription.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * One bot process's digest side: its own connection to the database in
 * `dataDir`. `services` lets a restarted side serve a Kabar built before it
 * (the Discord peer cannot outlive a bot restart, so that test restarts only this side).
 */
function digestSide(dataDir: string, clock: JumpClock, services: { store?: SqliteSubscriptionStore; clock?: JumpClock } = {}) {
  const store = SqliteSubscriptionStore.openInDir(dataDir);
  Object.assign(services, { store, clock });
  const kabar = testKabar({ services: { [DIGEST_SERVICE]: services } });
  const scheduler = new DigestScheduler({ store, library: () => library, clock, graceMinutes: 120, trigger: () => ({ stop() {} }) });
  const stop = async () => {
    await scheduler.stop();
    await store.close();
  };
  cleanups.push(stop);
  return { store, kabar, scheduler, stop, start: (platform: Platform) => (scheduler.addPlatform(platform), scheduler.start()) };
}

describe("digests end to end on the Telegram peer", () => {
  let peer: TelegramPeer;

  async function telegramBot(dataDir: string, clock: JumpClock) {
    const side = digestSide(dataDir, clock);
    const bot = await startKabarOnPeer(peer, { kabar: side.kabar, dataDir });
    cleanups.push(() => bot.platform.stop());
    return { ...side, platform: bot.platform };
  }

  it("GIVEN /digest subscribe for the next minute THEN one digest at that minute, none after a restart, and status shows it", async () => {
    peer = await startTelegramPeer();
    cleanups.push(() => peer.stop());
    const dataDir = tempDataDir();
    const clock = new JumpClock(jakarta(6, 59));
    const first = await telegramBot(dataDir, clock);
    const alice = peer.user({ userId: 7001, languageCode: "en" });

    const confirm = await peer.nextMessage(7001, () => alice.send("/digest subscribe 07:00 Asia/Jakarta"));
    expect(confirm.payload.text).toContain("Subscribed: a daily digest at 07:00 (Asia/Jakarta)");
    await first.start(first.platform);
    expect(peer.sent(7001)).toHaveLength(1);

    clock.set(jakarta(7, 0));
    await first.scheduler.tick();
    const digests = () => peer.sent(7001).filter((m) => String(m.text).startsWith("<b>Daily Kabar"));
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.text).toContain("🇫🇷 France");
    expect(JSON.stringify(digests()[0]!.reply_markup)).toContain("k1|summary|en|");

    // Restart: a new process on the same DATA_DIR, a few minutes later.
    await first.stop();
    await first.platform.stop();
    clock.set(jakarta(7, 3));
    const second = await telegramBot(dataDir, clock);
    await second.start(second.platform);
    await second.scheduler.tick();
    expect(digests()).toHaveLength(1);

    const status = await peer.nextMessage(7001, () => alice.send("/digest status"));
    expect(status.payload.text).toContain("active");
    expect(status.payload.text).toContain("07:00");
    expect(status.payload.text).toContain("Asia/Jakarta");
    expect(status.payload.text).toMatch(/Last sent[\s\S]*Mon 4 Mar, 07:00/);
  });

  it("GIVEN a group member who is not an administrator THEN /digest subscribe is refused; an administrator THEN the group is subscribed", async () => {
    peer = await startTelegramPeer();
    cleanups.push(() => peer.stop());
    const bot = await telegramBot(tempDataDir(), new JumpClock(jakarta(6, 0)));
    const member = peer.user({ userId: 7002, chatId: -1007002, chatType: "supergroup", languageCode: "en" });
    const refused = await peer.nextMessage(-1007002, () => member.send("/digest subscribe 07:30"));
    expect(refused.payload.text).toContain("only administrators can change the daily digest");
    expect(await bot.store.get("telegram", "-1007002")).toBeUndefined();

    peer.setMember(-1007002, 7003, "administrator");
    const admin = peer.user({ userId: 7003, chatId: -1007002, chatType: "supergroup", languageCode: "en" });
    await peer.nextMessage(-1007002, () => admin.send("/digest subscribe 07:30"));
    expect(await bot.store.get("telegram", "-1007002")).toMatchObject({ time: "07:30", createdBy: "telegram:7003" });
  });
});

describe("digest preview from a Telegram group, on the peer", () => {
  it("GIVEN an administrator asks /digest preview in a group THEN the preview reaches their private chat and the group gets a pointer", async () => {
    const peer = await startTelegramPeer();
    cleanups.push(() => peer.stop());
    const dataDir = tempDataDir();
    const side = digestSide(dataDir, new JumpClock(jakarta(6, 0)));
    const bot = await startKabarOnPeer(peer, { kabar: side.kabar, dataDir });
    cleanups.push(() => bot.platform.stop());
    peer.setMember(-1007010, 7010, "administrator");
    const admin = peer.user({ userId: 7010, chatId: -1007010, chatType: "supergroup", languageCode: "en" });

    const pointer = await peer.nextMessage(-1007010, () => admin.send("/digest preview"));
    expect(pointer.payload.text).toBe("Sent to you in a private message.");
    const preview = peer.sent(7010);
    expect(preview).toHaveLength(1);
    expect(String(preview[0]!.text)).toContain("Daily Kabar");
    expect(peer.sent(-1007010)).toHaveLength(1);
  });
});

describe("digest failures through the real Telegram error mapping", () => {
  it("GIVEN a chat that blocked the bot and a group that became a supergroup THEN the first is disabled, the second moved and served", async () => {
    const peer = await startTelegramPeer();
    cleanups.push(() => peer.stop());
    const dataDir = tempDataDir();
    const clock = new JumpClock(jakarta(7, 0));
    const side = digestSide(dataDir, clock);
    const bot = await startKabarOnPeer(peer, { kabar: side.kabar, dataDir });
    cleanups.push(() => bot.platform.stop());
    await side.store.subscribe(subscription("7010"), jakarta(6, 0));
    await side.store.subscribe(subscription("-7011"), jakarta(6, 0));
    peer.failNext("sendMessage", { chatId: 7010, fault: FAULTS.blocked });
    peer.failNext("sendMessage", { chatId: -7011, fault: FAULTS.migrated(-1007011) });
    side.scheduler.addPlatform(bot.platform);
    await side.scheduler.tick();
    expect(await side.store.get("telegram", "7010")).toMatchObject({ active: false });
    expect((await side.store.get("telegram", "7010"))!.disabledReason).toContain("blocked");
    expect(await side.store.get("telegram", "-1007011")).toMatchObject({ active: true });
    expect(peer.sent(-1007011)).toHaveLength(1);
    expect(peer.sent(7010)).toHaveLength(0);
  });
});

describe("digests end to end on the Discord peer", () => {
  it("GIVEN /digest subscribe from a member with Manage Channels THEN one digest in the channel at that minute, none after a restart, and status shows it", async () => {
    const dataDir = tempDataDir();
    const clock = new JumpClock(jakarta(6, 59));
    const services = {};
    let side = digestSide(dataDir, clock, services);
    const bot = await startDiscordTestBot({ kabar: side.kabar });
    cleanups.push(() => bot.close());
    const place = bot.inGuild({ permissions: PERMISSIONS.manageChannels });
    const callbackOf = (id: string) => (r: { method: string; path: string }) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

    const sent = bot.discord.slashCommand(place, {
      name: "digest",
      options: [{ name: "subscribe", options: [{ name: "time", value: "07:00" }, { name: "timezone", value: "Asia/Jakarta" }] }],
    });
    const confirm = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(JSON.stringify(confirm.body)).toContain("Subscribed: a daily digest at 07:00 (Asia/Jakarta)");
    await side.start(bot.platform);

    const posts = () => bot.discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${bot.channelId}/messages`);
    expect(posts()).toHaveLength(0);
    clock.set(jakarta(7, 0));
    await side.scheduler.tick();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body.embeds[0].title).toMatch(/^Daily Kabar/);

    // Restart of the digest side on the same database.
    await side.stop();
    clock.set(jakarta(7, 3));
    side = digestSide(dataDir, clock, services);
    await side.start(bot.platform);
    await side.scheduler.tick();
    expect(posts()).toHaveLength(1);

    const status = bot.discord.slashCommand(place, { name: "digest", options: [{ name: "status" }] });
    const shown = JSON.stringify((await bot.discord.waitForRequest(callbackOf(status.id))).body);
    expect(shown).toContain("07:00");
    expect(shown).toContain("active");
  });

  it("GIVEN a member without Manage Channels THEN /digest subscribe is refused politely", async () => {
    const side = digestSide(tempDataDir(), new JumpClock(jakarta(6, 0)));
    const bot = await startDiscordTestBot({ kabar: side.kabar });
    cleanups.push(() => bot.close());
    const sent = bot.discord.slashCommand(bot.inGuild({ permissions: PERMISSIONS.viewAndSend }), { name: "digest", options: [{ name: "subscribe" }] });
    const reply = await bot.discord.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
    expect(JSON.stringify(reply.body)).toContain("Manage Channels");
    expect(reply.body.data.flags).toBe(64);
    expect(await side.store.active()).toHaveLength(0);
  });
});
