import { afterAll, describe, expect, it, vi } from "vitest";
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
  // max_concurrency 2: shards 1 and 2 are in different IDENTIFY buckets (id % 2), so neither waits Discord's 5 s for the other.
  const discord = new FakeDiscord({ guilds: [{ id: snowflake(), name: "Sharded", channels: [snowflake()] }], maxConcurrency: 2 });
  let bot: BotProcess | undefined;
  afterAll(async () => {
    bot?.cleanup();
    await discord.stop();
  });

  it("GIVEN two of three shards THEN it identifies as [1, 3] and [2, 3] only, says so at start, and is ready once both are connected", async () => {
    await discord.start();
    const port = await freePort();
    bot = spawnBot("src/main.ts", discord, { DISCORD_SHARDS: "1,2", DISCORD_SHARD_COUNT: "3", HTTP_PORT: String(port), LOG_LEVEL: "warn" });
    const started = bot;
    await vi.waitFor(() => expect(started.output).toMatch(/^discord: .*$/m), { timeout: 45_000, interval: 20 });
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
