import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { ManualClock } from "../src/digest/clock.js";
import { recordingLogger } from "./helpers/core.js";
import { DISCORD_EMBED } from "./helpers/platformLimits.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import { FakeDiscord } from "./peers/fakeDiscord.js";

/**
 * The fake Discord refuses what Discord refuses (tests/peers/discordRules.ts), on its
 * own clock so deadlines are checked without waiting. Raw HTTP and WebSocket here:
 * the point is what the fake answers, whoever asks.
 */
let now = 1_000_000;
const fakes: FakeDiscord[] = [];
const bots: DiscordTestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
  for (const f of fakes.splice(0)) await f.stop();
});

async function fake(options: ConstructorParameters<typeof FakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const discord = new FakeDiscord({ now: () => now, guilds: [{ id: "100000000000000001", name: "S", channels: ["100000000000000002"] }], ...options });
  await discord.start();
  fakes.push(discord);
  return discord;
}

const place = { guildId: "100000000000000001", channelId: "100000000000000002", user: { id: "100000000000000003", username: "u" } };

async function call(discord: FakeDiscord, method: string, path: string, body?: unknown, auth = true) {
  const res = await fetch(`${discord.apiBase}/v10${path}`, {
    method,
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bot ${discord.token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe("fake Discord: interactions", () => {
  it("GIVEN an interaction THEN one response is accepted and a second gets 400 / 40060", async () => {
    const discord = await fake();
    const i = discord.slashCommand(place, { name: "summary" });
    const route = `/interactions/${i.id}/${i.token}/callback`;
    expect((await call(discord, "POST", route, { type: 4, data: { content: "a" } }, false)).status).toBe(204);
    const second = await call(discord, "POST", route, { type: 4, data: { content: "b" } }, false);
    expect(second).toMatchObject({ status: 400, body: { code: 40060 } });
  });

  it("GIVEN a first response 3 s after the interaction THEN 404 / 10062 (just inside THEN accepted)", async () => {
    const discord = await fake();
    const late = discord.slashCommand(place, { name: "summary" });
    const inTime = discord.slashCommand(place, { name: "summary" });
    now += 3_000;
    expect((await call(discord, "POST", `/interactions/${inTime.id}/${inTime.token}/callback`, { type: 5 }, false)).status).toBe(204);
    now += 1;
    const refused = await call(discord, "POST", `/interactions/${late.id}/${late.token}/callback`, { type: 5 }, false);
    expect(refused).toMatchObject({ status: 404, body: { code: 10062 } });
  });

  it("GIVEN @original edited before any response THEN 404 / 10015; after the deferral THEN accepted", async () => {
    const discord = await fake();
    const i = discord.slashCommand(place, { name: "summary" });
    const original = `/webhooks/${discord.applicationId}/${i.token}/messages/@original`;
    expect(await call(discord, "PATCH", original, { content: "x" }, false)).toMatchObject({ status: 404, body: { code: 10015 } });
    await call(discord, "POST", `/interactions/${i.id}/${i.token}/callback`, { type: 5 }, false);
    expect((await call(discord, "PATCH", original, { content: "x" }, false)).status).toBe(200);
  });
});

describe("fake Discord: REST rules", () => {
  it("GIVEN no or a wrong Authorization THEN 401 '401: Unauthorized'", async () => {
    const discord = await fake();
    expect(await call(discord, "GET", "/gateway/bot", undefined, false)).toMatchObject({ status: 401, body: { code: 0, message: "401: Unauthorized" } });
  });

  it("GIVEN any answer THEN it carries the X-RateLimit headers; past the bucket THEN 429 with retry_after and scope user", async () => {
    const discord = await fake();
    const path = "/channels/100000000000000002/messages";
    const first = await call(discord, "POST", path, { content: "1" });
    for (const h of ["limit", "remaining", "reset", "reset-after", "bucket"]) expect(first.headers.get(`x-ratelimit-${h}`)).not.toBeNull();
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4");
    for (let i = 2; i <= 5; i++) await call(discord, "POST", path, { content: String(i) });
    const limited = await call(discord, "POST", path, { content: "6" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.body).toMatchObject({ global: false });
    expect(limited.body.retry_after).toBeGreaterThan(0);
    now += 5_000;
    expect((await call(discord, "POST", path, { content: "7" })).status).toBe(200);
  });

  it("GIVEN more than 50 requests in a second across routes THEN 429 global with X-RateLimit-Global and scope global", async () => {
    const discord = await fake();
    for (let i = 0; i < 50; i++) await call(discord, "POST", `/channels/2000000000000${String(i).padStart(5, "0")}/messages`, { content: "x" });
    const limited = await call(discord, "POST", "/channels/300000000000000000/messages", { content: "x" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-global")).toBe("true");
    expect(limited.headers.get("x-ratelimit-scope")).toBe("global");
    expect(limited.body).toMatchObject({ global: true });
  });

  it.each([
    ["a title over 256", { embeds: [{ title: "t".repeat(DISCORD_EMBED.title + 1) }] }, "embeds.0.title"],
    ["a field value over 1,024", { embeds: [{ fields: [{ name: "n", value: "v".repeat(DISCORD_EMBED.fieldValue + 1) }] }] }, "embeds.0.fields.0.value"],
    ["26 fields", { embeds: [{ fields: Array.from({ length: DISCORD_EMBED.fields + 1 }, () => ({ name: "n", value: "v" })) }] }, "embeds.0.fields"],
    ["an author name over 256", { embeds: [{ author: { name: "a".repeat(DISCORD_EMBED.authorName + 1) } }] }, "embeds.0.author.name"],
    ["11 embeds", { embeds: Array.from({ length: DISCORD_EMBED.perMessage + 1 }, () => ({ description: "d" })) }, "embeds"],
    ["6,001 characters across embeds", { embeds: [{ description: "d".repeat(4096) }, { description: "d".repeat(1905) }] }, "embeds"],
  ])("GIVEN a message with %s THEN 400 / 50035 naming the field", async (_what, body, field) => {
    const discord = await fake();
    const res = await call(discord, "POST", "/channels/100000000000000002/messages", body);
    expect(res).toMatchObject({ status: 400, body: { code: 50035, message: "Invalid Form Body" } });
    expect(Object.keys(res.body.errors)).toContain(field);
  });
});

describe("fake Discord: gateway", () => {
  async function identify(discord: FakeDiscord, d: { token: string; intents: number }): Promise<number> {
    const ws = new WebSocket(discord.apiBase.replace(/^http/, "ws").replace(/\/api$/, ""));
    return new Promise((resolve) => {
      ws.on("message", (data) => {
        if (JSON.parse(String(data)).op === 10) ws.send(JSON.stringify({ op: 2, d: { ...d, properties: {} } }));
      });
      ws.on("close", (code) => resolve(code));
    });
  }

  it("GIVEN IDENTIFY with a wrong token THEN the gateway closes with 4004", async () => {
    const discord = await fake();
    expect(await identify(discord, { token: "not-the-token", intents: 1 })).toBe(4004);
  });

  it("GIVEN IDENTIFY asking for Message Content not enabled for the bot THEN the gateway closes with 4014", async () => {
    const discord = await fake();
    expect(await identify(discord, { token: discord.token, intents: 1 | (1 << 15) })).toBe(4014);
  });

  it("GIVEN op 7 Reconnect THEN the real client resumes and keeps answering", async () => {
    const bot = await startDiscordTestBot({ logger: recordingLogger().logger });
    bots.push(bot);
    const resumed = bot.discord.waitForResume();
    bot.discord.requestReconnect();
    await resumed;
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "actors" });
    await bot.discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
  });

  it("GIVEN op 9 Invalid Session (not resumable) THEN the real client identifies again, 5 s after its first IDENTIFY and not before, and keeps answering", async () => {
    // The throttle's clock is the test's: Discord allows one IDENTIFY per 5 s, and the client keeps to it without the test waiting.
    const clock = new ManualClock(0);
    const bot = await startDiscordTestBot({ logger: recordingLogger().logger, platform: { clock } });
    bots.push(bot);
    const before = bot.discord.identifies;
    bot.discord.invalidateSession(false);
    await vi.waitFor(() => expect(clock.pending).toBe(1), { timeout: 5_000, interval: 5 });
    expect(clock.nextWake).toBe(5_000);
    clock.advance(4_999);
    expect(clock.pending).toBe(1);
    expect(bot.discord.identifies).toBe(before);
    clock.advance(1);
    await vi.waitFor(() => expect(bot.discord.identifies).toBe(before + 1), { timeout: 5_000, interval: 5 });
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "actors" });
    await bot.discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
  });
});
