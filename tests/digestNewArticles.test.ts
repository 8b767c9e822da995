import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { loadLibrary } from "../src/content/loader.js";
import { LibraryHolder, reloadContent } from "../src/content/reload.js";
import { Kabar } from "../src/core/kabar.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { jakarta, JumpClock, subscription, tempDataDir } from "./helpers/digest.js";
import { addFixtureArticle, contentCopy, RICE } from "./helpers/mainProcess.js";
import { startDiscordTestBot } from "./peers/discordHarness.js";
import { startKabarOnPeer } from "./peers/telegramKabar.js";
import { startTelegramPeer } from "./peers/telegramPeer.js";

/**
 * Articles published while the bot runs reach digests: a chat in mode `new`
 * gets each newly published article once, a chat in mode `always` gets it
 * too and a recap on days with nothing new. The content is a folder the test
 * changes and reloads, as the running bot does.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function digestSide(clock: JumpClock) {
  const contentDir = contentCopy();
  const holder = new LibraryHolder(loadLibrary(contentDir));
  const store = SqliteSubscriptionStore.openInDir(tempDataDir());
  const kabar = new Kabar({ library: () => holder.current, commands: COMMANDS, services: { [DIGEST_SERVICE]: { store, clock } } });
  const scheduler = new DigestScheduler({ store, library: () => holder.current, clock, graceMinutes: 120, trigger: () => ({ stop() {} }) });
  cleanups.push(async () => {
    await scheduler.stop();
    await store.close();
    rmSync(contentDir, { recursive: true, force: true });
  });
  /** Publishes the rice article the way an editor does: a folder copied in, then the reload. */
  const publishRice = () => {
    addFixtureArticle(contentDir, RICE);
    expect(reloadContent(holder, contentDir).ok).toBe(true);
  };
  /** Runs the 07:00 slot of `day` (March 2024, Jakarta). */
  const runDay = async (day: number) => {
    clock.set(jakarta(7, 0, day));
    await scheduler.tick();
  };
  return { store, kabar, scheduler, publishRice, runDay };
}

describe("digests carry articles published while the bot runs", () => {
  it("GIVEN chats in mode new and always on the Telegram peer THEN the new article goes to both once, then new sends nothing and always a recap of it", async () => {
    const peer = await startTelegramPeer();
    cleanups.push(() => peer.stop());
    const clock = new JumpClock(jakarta(6, 0, 4));
    const side = digestSide(clock);
    const bot = await startKabarOnPeer(peer, { kabar: side.kabar });
    cleanups.push(() => bot.platform.stop());
    await side.store.subscribe(subscription("8001", { lang: "en", mode: "new" }), jakarta(6, 0, 4));
    await side.store.subscribe(subscription("8002", { lang: "en", mode: "always" }), jakarta(6, 0, 4));
    side.scheduler.addPlatform(bot.platform);
    const digests = (chat: number) => peer.sent(chat).map((m) => String(m.text));

    await side.runDay(4);
    expect(digests(8001)).toHaveLength(1);
    expect(digests(8001)[0]).toContain("Nagorno-Karabakh");

    side.publishRice();
    await side.runDay(5);
    for (const chat of [8001, 8002]) {
      expect(digests(chat)).toHaveLength(2);
      expect(digests(chat)[1]).toMatch(/^<b>Daily Kabar: India extends its rice export curbs/);
      expect(digests(chat)[1]).toContain("🇵🇭 Philippines");
      expect(digests(chat)[1]).not.toContain("Nagorno-Karabakh");
    }

    await side.runDay(6);
    expect(digests(8001)).toHaveLength(2);
    expect(digests(8002)).toHaveLength(3);
    expect(digests(8002)[2]).toMatch(/^<b>Recap \(nothing new\): India extends its rice export curbs/);
  });

  it("GIVEN a Discord channel in mode new THEN the next digest after the article is published carries it, once", async () => {
    const clock = new JumpClock(jakarta(6, 0, 4));
    const side = digestSide(clock);
    const bot = await startDiscordTestBot({ kabar: side.kabar });
    cleanups.push(() => bot.close());
    await side.store.subscribe(subscription(bot.channelId, { platform: "discord", lang: "id", mode: "new" }), jakarta(6, 0, 4));
    side.scheduler.addPlatform(bot.platform);
    const posts = () => bot.discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${bot.channelId}/messages`);

    await side.runDay(4);
    side.publishRice();
    await side.runDay(5);
    await side.runDay(6);
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.body.embeds[0].title).toBe("Kabar harian: India memperpanjang pembatasan ekspor beras, Filipina mencari pemasok lain");
  });
});
