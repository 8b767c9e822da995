import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCall } from "../src/core/callbackData.js";
import { recordingLogger } from "./helpers/core.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { kabarWithProbes, type Probes } from "./peers/probeCommands.js";

/**
 * The Discord platform as production builds it (no test overrides): the
 * deferral default against Discord's 3 s deadline, and the client-wide
 * mention policy. The two tests here that wait on the wall clock wait for the
 * production deferral (1.5 s), of a slash command and of a button: that
 * deadline is what they check.
 */
const log = recordingLogger("info");
let probes: Probes;
let bot: DiscordTestBot;
const receivedAt = new Map<string, number>();
beforeAll(async () => {
  probes = kabarWithProbes(log.logger);
  // The 3 s are measured here from when the client received the interaction, so a loaded machine's
  // gateway delay does not count against the bot; the fake's own deadline is widened for this file.
  bot = await startDiscordTestBot({ kabar: probes.kabar, logger: log.logger, fake: { interactionDeadlineMs: 60_000 } });
  bot.platform.client.on("interactionCreate", (interaction) => receivedAt.set(interaction.id, Date.now()));
});
afterAll(async () => {
  await bot?.close();
});

describe("Discord wiring as production runs it", () => {
  it("GIVEN a slow answer and the default deferral THEN Discord gets the deferral inside its 3 s deadline and the answer is edited in", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "slow" });
    const deferred = await bot.discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
    expect(deferred.body).toMatchObject({ type: 5 });
    // https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction: 3 seconds.
    expect(deferred.at - receivedAt.get(sent.id)!).toBeLessThan(3_000);
    probes.releaseSlow();
    const edit = await bot.discord.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${bot.discord.applicationId}/${sent.token}/messages/@original`);
    expect(edit.body.embeds[0].description).toBe("finally");
    expect(log.raw.some((l) => l.includes("discord interaction failed"))).toBe(false);
  });

  it("GIVEN a slow answer to a button press and the default deferral THEN Discord gets the update deferral inside its 3 s deadline", async () => {
    const press = bot.discord.pressButton(bot.inGuild(), encodeCall({ command: "slow", lang: "en", args: {} }));
    const deferred = await bot.discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${press.id}/`));
    // DEFERRED_UPDATE_MESSAGE: the message the button is on is edited in place afterwards.
    expect(deferred.body).toMatchObject({ type: 6 });
    expect(deferred.at - receivedAt.get(press.id)!).toBeLessThan(3_000);
    probes.releaseSlow();
    const edit = await bot.discord.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${bot.discord.applicationId}/${press.token}/messages/@original`);
    expect(edit.body.embeds[0].description).toBe("finally");
  });

  it("GIVEN the client THEN its default for every message is to ping nobody (not @everyone, roles, users or the person replied to)", () => {
    expect(bot.platform.client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
