import { afterAll, describe, expect, it } from "vitest";
import { PERMISSIONS, snowflake } from "./peers/discordPayloads.js";
import { type BotProcess, spawnBot } from "./peers/discordProcess.js";
import { FakeDiscord } from "./peers/fakeDiscord.js";

describe("npm run start:sharded", () => {
  const guildId = snowflake();
  const channelId = snowflake();
  const discord = new FakeDiscord({ guilds: [{ id: guildId, name: "Sharded server", channels: [channelId] }] });
  let bot: BotProcess | undefined;

  afterAll(async () => {
    bot?.cleanup();
    await discord.stop();
  });

  it("GIVEN the recommended shard count THEN the ShardingManager runs a shard that identifies as [0, 1] and answers", async () => {
    await discord.start();
    bot = spawnBot("src/platforms/discord/sharded.ts", discord);
    await discord.waitForReady(50_000);
    expect(discord.identifyPayloads[0]!.shard).toEqual([0, 1]);

    const sent = discord.slashCommand({ guildId, channelId, user: { id: snowflake(), username: "r" }, permissions: PERMISSIONS.viewAndSend }, { name: "actors" });
    const { body } = await discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
    expect(body.data.embeds[0].fields.length).toBeGreaterThan(0);

    const closed = discord.waitForClose();
    bot.signal("SIGTERM");
    expect(await closed).toBe(1000);
    expect(bot.output).not.toContain(discord.token);
  }, 60_000);
});
