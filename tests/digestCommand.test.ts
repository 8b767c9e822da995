import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { ChatContext } from "../src/core/command.js";
import { Kabar } from "../src/core/kabar.js";
import type { Reply } from "../src/core/reply.js";
import { ManualClock } from "../src/digest/clock.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { library } from "./helpers/core.js";
import { jakarta } from "./helpers/digest.js";

const stores: SqliteSubscriptionStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function setup() {
  const store = new SqliteSubscriptionStore(":memory:");
  stores.push(store);
  const clock = new ManualClock(jakarta(6, 0));
  const kabar = new Kabar({ library: () => library, commands: COMMANDS, services: { [DIGEST_SERVICE]: { store, clock } } });
  return { store, clock, kabar };
}

function chat(overrides: Partial<ChatContext> & { manage?: boolean } = {}): ChatContext & { asked: number } {
  const { manage = true, ...rest } = overrides;
  const c = {
    target: "telegram:42",
    platform: "telegram" as const,
    type: "private" as const,
    userId: "telegram:42",
    asked: 0,
    async canManage() {
      c.asked++;
      return manage;
    },
    ...rest,
  };
  return c;
}

const text = (reply: Reply) => [reply.title, ...reply.blocks, ...reply.fields.map((f) => `${f.name}: ${f.value}`)].join("\n");

describe("/digest subscribe", () => {
  it("GIVEN a DM and no arguments THEN 07:00 Asia/Jakarta in the caller's language, mode new", async () => {
    const { kabar, store } = setup();
    const { reply } = await kabar.answer("/digest subscribe", { chat: chat(), fallbackLang: "en" });
    expect(await store.get("telegram", "42")).toMatchObject({ time: "07:00", timeZone: "Asia/Jakarta", lang: "en", mode: "new", createdBy: "telegram:42", active: true });
    expect(text(reply)).toContain("Subscribed: a daily digest at 07:00 (Asia/Jakarta)");
    expect(text(reply)).toMatch(/Next digest: .*07:00 \(Asia\/Jakarta\)/);
  });

  it("GIVEN time, timezone, language and mode THEN all four are stored", async () => {
    const { kabar, store } = setup();
    await kabar.answer("/digest subscribe 7.30 asia/makassar en always", { chat: chat(), fallbackLang: "id" });
    expect(await store.get("telegram", "42")).toMatchObject({ time: "07:30", timeZone: "Asia/Makassar", lang: "en", mode: "always" });
  });

  it("GIVEN only a timezone THEN it is taken as the timezone, not as a time", async () => {
    const { kabar, store } = setup();
    await kabar.answer("/digest subscribe WITA", { chat: chat() });
    expect(await store.get("telegram", "42")).toMatchObject({ time: "07:00", timeZone: "Asia/Makassar" });
  });

  it("GIVEN a chat that subscribes again THEN its one subscription is updated and keeps what was not given", async () => {
    const { kabar, store } = setup();
    await kabar.answer("/digest subscribe 08:15 Europe/London en", { chat: chat() });
    const { reply } = await kabar.answer("/digest subscribe 09:00", { chat: chat(), fallbackLang: "id" });
    expect(await store.active()).toHaveLength(1);
    expect(await store.get("telegram", "42")).toMatchObject({ time: "09:00", timeZone: "Europe/London", lang: "en" });
    expect(text(reply)).toContain("Langganan diperbarui");
  });

  it("GIVEN the Discord path's named options THEN they are used as given", async () => {
    const { kabar, store } = setup();
    const discordDm = chat({ target: "discord:555", platform: "discord" });
    await kabar.run({ command: "digest", lang: "en", args: { subcommand: "subscribe", time: "06:45", timezone: "Asia/Jayapura", mode: "always" } }, discordDm);
    expect(await store.get("discord", "555")).toMatchObject({ time: "06:45", timeZone: "Asia/Jayapura", mode: "always", lang: "en" });
  });

  it.each([
    ["25:00", "digest.bad_time", /"25:00" is not a valid time.*\/digest subscribe 07:30 Asia\/Jakarta/],
    ["7am", "digest.bad_time", /"7am" is not a valid time/],
    ["07:00 Mars/Olympus", "digest.bad_timezone", /"Mars\/Olympus" is not a timezone I know.*Asia\/Jakarta/],
    ["07:00 Jakarta", "digest.bad_timezone", /"Jakarta" is not a timezone/],
    ["07:00 Asia/Jakarta fr", "digest.bad_language", /"fr" is not a language/],
    ["07:00 Asia/Jakarta en sometimes", "digest.bad_mode", /"sometimes" is not a mode/],
  ])("GIVEN %j THEN a private message with an example, and nothing is stored", async (args, _id, message) => {
    const { kabar, store } = setup();
    const { reply } = await kabar.answer(`/digest subscribe ${args}`, { chat: chat(), fallbackLang: "en" });
    expect(reply.kind).toBe("notice");
    expect(reply.private).toBe(true);
    expect(reply.blocks.join(" ")).toMatch(message);
    expect(await store.get("telegram", "42")).toBeUndefined();
  });

  it("GIVEN a bad time in Indonesian THEN the message is Indonesian", async () => {
    const { kabar } = setup();
    const { reply } = await kabar.answer("/digest subscribe 31:00", { chat: chat(), fallbackLang: "id" });
    expect(reply.blocks[0]).toBe('"31:00" bukan jam yang valid. Tulis jam 24 jam HH:MM, misalnya: /digest subscribe 07:30 Asia/Jakarta');
  });
});

describe("/digest: who may change it", () => {
  it("GIVEN a Telegram group member who is not an administrator THEN a polite refusal and nothing stored", async () => {
    const { kabar, store } = setup();
    const member = chat({ target: "telegram:-100777", type: "group", manage: false });
    const { reply } = await kabar.answer("/digest subscribe", { chat: member, fallbackLang: "en" });
    expect(reply.blocks[0]).toBe("Sorry, in this group only administrators can change the daily digest.");
    expect(member.asked).toBe(1);
    expect(await store.get("telegram", "-100777")).toBeUndefined();
  });

  it("GIVEN a Discord member without Manage Channels THEN the refusal names that permission", async () => {
    const { kabar } = setup();
    const member = chat({ target: "discord:888", platform: "discord", type: "group", manage: false });
    const reply = await kabar.run({ command: "digest", lang: "en", args: { subcommand: "unsubscribe" } }, member);
    expect(reply.blocks[0]).toContain("Manage Channels");
  });

  it("GIVEN a group administrator THEN the group is subscribed, recorded as set by that administrator", async () => {
    const { kabar, store } = setup();
    const admin = chat({ target: "telegram:-100777", type: "group", userId: "telegram:9", manage: true });
    await kabar.answer("/digest subscribe 07:30", { chat: admin });
    expect(await store.get("telegram", "-100777")).toMatchObject({ time: "07:30", createdBy: "telegram:9" });
  });

  it("GIVEN a DM THEN the permission lookup is not even made", async () => {
    const { kabar } = setup();
    const dm = chat({ manage: false });
    await kabar.answer("/digest subscribe", { chat: dm });
    expect(dm.asked).toBe(0);
  });

  it("GIVEN the digest command THEN Discord is told it needs Manage Channels by default", () => {
    const digest = COMMANDS.find((c) => c.name === "digest")!;
    expect(digest.requiresManage).toBe(true);
    expect(digest.subcommands!.map((s) => s.name)).toEqual(["subscribe", "unsubscribe", "status", "preview"]);
  });
});

describe("/digest status, unsubscribe, preview", () => {
  it("GIVEN a subscription THEN status shows time, timezone, language, mode, state and the next digest", async () => {
    const { kabar } = setup();
    await kabar.answer("/digest subscribe 07:30 Asia/Jakarta en", { chat: chat() });
    const { reply } = await kabar.answer("/digest status", { chat: chat(), fallbackLang: "en" });
    const shown = text(reply);
    for (const part of ["Status: active", "Time: 07:30", "Timezone: Asia/Jakarta", "Language: English", "Mode: new articles only", "Last sent: never"]) {
      expect(shown).toContain(part);
    }
    expect(shown).toMatch(/Next digest: Mon 4 Mar, 07:30 \(Asia\/Jakarta\)/);
  });

  it("GIVEN a subscription disabled because the bot was blocked THEN status says so", async () => {
    const { kabar, store, clock } = setup();
    await kabar.answer("/digest subscribe", { chat: chat() });
    const sub = (await store.get("telegram", "42"))!;
    await store.disable(sub.id, "gone: 403 Forbidden: bot was blocked by the user", clock.now());
    const { reply } = await kabar.answer("/digest status", { chat: chat(), fallbackLang: "en" });
    expect(text(reply)).toContain("Status: off: the bot was blocked or removed, or the chat no longer exists (403 Forbidden: bot was blocked by the user)");
  });

  it("GIVEN no subscription THEN status says how to subscribe", async () => {
    const { kabar } = setup();
    const { reply } = await kabar.answer("/digest status", { chat: chat(), fallbackLang: "en" });
    expect(reply.blocks[0]).toContain("/digest subscribe 07:00 Asia/Jakarta");
  });

  it("GIVEN unsubscribe THEN the subscription is off and status shows why", async () => {
    const { kabar, store } = setup();
    await kabar.answer("/digest subscribe", { chat: chat() });
    const { reply } = await kabar.answer("/digest unsubscribe", { chat: chat(), fallbackLang: "en" });
    expect(reply.blocks[0]).toContain("The daily digest is off");
    expect((await store.get("telegram", "42"))!.active).toBe(false);
    const status = await kabar.answer("/digest status", { chat: chat(), fallbackLang: "en" });
    expect(text(status.reply)).toContain("off: stopped with /digest unsubscribe");
  });

  it("GIVEN preview THEN the digest comes back to the caller only and does not count as delivered", async () => {
    const { kabar, store } = setup();
    await kabar.answer("/digest subscribe", { chat: chat() });
    const { reply } = await kabar.answer("/digest preview", { chat: chat(), fallbackLang: "en" });
    expect(reply).toMatchObject({ kind: "digest", private: true, articleId: library.newest().id });
    expect(reply.blocks[0]).toBe("Pratinjau: hanya untuk Anda, tidak dihitung sebagai kiriman.");
    expect((await store.receivedArticles((await store.get("telegram", "42"))!.id)).size).toBe(0);
  });

  it("GIVEN an unknown subcommand THEN the available ones are listed", async () => {
    const { kabar } = setup();
    const { reply } = await kabar.answer("/digest later", { chat: chat(), fallbackLang: "en" });
    expect(reply.blocks[0]).toBe("There is no /digest later. Available: subscribe, unsubscribe, status, preview.");
  });

  it("GIVEN a bot without the digest service, or a call from no chat THEN a polite notice", async () => {
    const bare = new Kabar({ library: () => library, commands: COMMANDS });
    expect((await bare.answer("/digest status", { chat: chat(), fallbackLang: "en" })).reply.blocks[0]).toBe("The daily digest is not enabled on this bot.");
    const { kabar } = setup();
    expect((await kabar.answer("/digest status", { fallbackLang: "en" })).reply.blocks[0]).toContain("set up from a chat");
  });
});
