import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PERMISSIONS, snowflake } from "./peers/discordPayloads.js";
import { FakeDiscord } from "./peers/fakeDiscord.js";

describe("npm run start:sharded", () => {
  const guildId = snowflake();
  const channelId = snowflake();
  const discord = new FakeDiscord({ guilds: [{ id: guildId, name: "Sharded server", channels: [channelId] }] });
  let child: ChildProcess | undefined;
  let output = "";
  const dataDir = mkdtempSync(join(tmpdir(), "kabar-sharded-"));

  afterAll(async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    await discord.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("GIVEN the recommended shard count THEN the ShardingManager runs a shard that identifies as [0, 1] and answers", async () => {
    await discord.start();
    child = spawn("npx", ["tsx", "src/platforms/discord/sharded.ts"], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_BASE: discord.apiBase,
        DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await discord.waitForReady(50_000);
    expect(discord.identifyPayloads[0]!.shard).toEqual([0, 1]);

    const sent = discord.slashCommand({ guildId, channelId, user: { id: snowflake(), username: "r" }, permissions: PERMISSIONS.viewAndSend }, { name: "actors" });
    const { body } = await discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
    expect(body.data.embeds[0].fields.length).toBeGreaterThan(0);

    const closed = discord.waitForClose();
    process.kill(-child.pid!, "SIGTERM");
    expect(await closed).toBe(1000);
    expect(output).not.toContain(discord.token);
  }, 60_000);
});
