import { afterAll, describe, expect, it } from "vitest";
import type { HealthReport } from "../src/ops/health.js";
import { snowflake } from "./peers/discordPayloads.js";
import { type BotProcess, spawnBot } from "./peers/discordProcess.js";
import { FakeDiscord } from "./peers/fakeDiscord.js";
import { freePort } from "./peers/telegramPeer.js";

/**
 * DISCORD_SHARDS / DISCORD_SHARD_COUNT: `npm start` runs exactly the shards it
 * is given, so shards spread over machines. Checked at the gateway: each
 * IDENTIFY carries [shard id, shard count].
 */
describe("npm start with DISCORD_SHARDS=1,2 and DISCORD_SHARD_COUNT=3", () => {
  const discord = new FakeDiscord({ guilds: [{ id: snowflake(), name: "Sharded", channels: [snowflake()] }] });
  let bot: BotProcess | undefined;
  afterAll(async () => {
    bot?.cleanup();
    await discord.stop();
  });

  it("GIVEN two of three shards THEN it identifies as [1, 3] and [2, 3] only, says so at start, and is ready once both are connected", async () => {
    await discord.start();
    const port = await freePort();
    bot = spawnBot("src/main.ts", discord, { DISCORD_SHARDS: "1,2", DISCORD_SHARD_COUNT: "3", HTTP_PORT: String(port), LOG_LEVEL: "warn" });
    // discord.js waits ~5 s between two IDENTIFYs (Discord's identify rate, max_concurrency 1).
    const deadline = Date.now() + 45_000;
    while (!/^discord: .*$/m.test(bot.output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(/^discord: .*$/m.exec(bot.output)?.[0]).toBe("discord: connected as kabar (shards 1,2 of 3)");
    expect(discord.identifyPayloads.map((d) => d.shard).sort()).toEqual([
      [1, 3],
      [2, 3],
    ]);
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as HealthReport).parts.discord).toEqual({ ok: true });

    const closed = discord.waitForClose();
    bot.signal("SIGTERM");
    expect(await closed).toBe(1000);
  }, 60_000);
});
