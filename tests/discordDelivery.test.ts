import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/core/log.js";
import { DeliveryError } from "../src/core/platform.js";
import { makeReply } from "../src/core/reply.js";
import { DiscordPlatform } from "../src/platforms/discord/discordPlatform.js";
import { snowflake } from "./peers/discordPayloads.js";
import { type DiscordTestBot, startDiscordTestBot, testKabar } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";

let bot: DiscordTestBot;
beforeAll(async () => {
  bot = await startDiscordTestBot();
});
afterAll(async () => {
  await bot?.close();
});

const digest = makeReply({ kind: "digest", lang: "en", title: "Today's news @everyone", blocks: ["One line."], source: "Source: test" });
const postTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;

async function sendError(channelId: string): Promise<DeliveryError> {
  const err = await bot.platform.send(channelId, digest).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe("DiscordPlatform.send (digests)", () => {
  it("GIVEN a channel id THEN the reply is posted there as an embed with mentions disabled", async () => {
    const channel = snowflake();
    await bot.platform.send(`discord:${channel}`, digest);
    const { body, headers } = await bot.discord.waitForRequest(postTo(channel));
    expect(body.embeds[0].title).toBe("Today's news @\u200beveryone");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(headers.authorization).toBe(`Bot ${bot.discord.token}`);
  });

  it.each([
    [50001, 403, "Missing Access"],
    [50013, 403, "Missing Permissions"],
    [10003, 404, "Unknown Channel"],
    [50007, 403, "Cannot send messages to this user"],
  ])("GIVEN Discord answers %i THEN the failure is 'gone'", async (code, status, message) => {
    const channel = snowflake();
    bot.discord.failNext(postTo(channel), { status, body: { message, code } });
    const err = await sendError(channel);
    expect(err.failure).toBe("gone");
    expect(err.details.code).toBe(code);
  });

  it("GIVEN a 429 with a long Retry-After THEN the failure is 'rate_limited' with the delay, not a queue", async () => {
    const channel = snowflake();
    bot.discord.failNext(postTo(channel), {
      status: 429,
      headers: { "retry-after": "60" },
      body: { message: "You are being rate limited.", retry_after: 60, global: false },
    });
    const err = await sendError(channel);
    expect(err.failure).toBe("rate_limited");
    expect(err.details.retryAfterMs).toBeGreaterThanOrEqual(60_000);
  });

  it("GIVEN a 429 with a short Retry-After THEN @discordjs/rest waits and the post succeeds", async () => {
    const channel = snowflake();
    bot.discord.failNext(postTo(channel), {
      status: 429,
      headers: { "retry-after": "0.01" },
      body: { message: "You are being rate limited.", retry_after: 0.01, global: false },
    });
    await bot.platform.send(channel, digest);
    expect(bot.discord.requests.filter(postTo(channel))).toHaveLength(2);
  });

  it("GIVEN Discord keeps answering 500 THEN the failure is 'transient'", async () => {
    const channel = snowflake();
    bot.discord.failNext(postTo(channel), { status: 500, body: { message: "oops", code: 0 } }, 10);
    expect((await sendError(channel)).failure).toBe("transient");
  });

  it("GIVEN Discord refuses our request body (400) THEN the error is not a DeliveryError, so the slot fails instead of retrying", async () => {
    const channel = snowflake();
    bot.discord.failNext(postTo(channel), { status: 400, body: { message: "Invalid Form Body", code: 50035 } });
    const err = await bot.platform.send(channel, digest).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(DeliveryError);
  });

  it("GIVEN Discord cannot be reached THEN the failure is 'transient'", async () => {
    const offline = new DiscordPlatform({
      kabar: testKabar(),
      logger: createLogger("silent"),
      token: bot.discord.token,
      applicationId: bot.discord.applicationId,
      apiBase: "http://127.0.0.1:9/api",
    });
    const err = await offline.send(snowflake(), digest).then(() => undefined, (e: unknown) => e);
    await offline.stop();
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).failure).toBe("transient");
  });
});

describe("Discord gateway", () => {
  it("GIVEN the gateway connection drops THEN the client resumes and keeps answering", async () => {
    const resumed = bot.discord.waitForResume();
    bot.discord.dropConnections(4000);
    await resumed;
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "source" });
    const { body } = await bot.discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
    expect(body.type).toBe(4);
  });
});
