import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, snowflake } from "./peers/discordPayloads.js";
import { type BotProcess, spawnBot } from "./peers/discordProcess.js";
import { FakeDiscord, type RecordedRequest } from "./peers/fakeDiscord.js";

/**
 * `npm start` as a user runs it: the composition root in its own process,
 * configured only through the environment, against the local fake Discord.
 */
const guildId = snowflake();
const channelId = snowflake();
const discord = new FakeDiscord({ guilds: [{ id: guildId, name: "Start-up server", channels: [channelId] }] });
const user = { id: snowflake(), username: "reader" };
const place = { guildId, channelId, user, permissions: PERMISSIONS.viewAndSend, locale: "en-US" };
let bot: BotProcess;

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

beforeAll(async () => {
  await discord.start();
  bot = spawnBot("src/main.ts", discord, { LOG_LEVEL: "debug" });
  await discord.waitForReady(50_000);
}, 60_000);

afterAll(async () => {
  bot?.cleanup();
  await discord.stop();
});

describe("npm start with DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_BASE", () => {
  it("GIVEN /reaction actor:france THEN it answers with an embed carrying Colonna's quote and the source", async () => {
    const sent = discord.slashCommand(place, { name: "reaction", options: [{ name: "actor", value: "france" }] });
    const { body } = await discord.waitForRequest(callbackOf(sent.id));
    const embed = body.data.embeds[0];
    expect(embed.fields.some((f: { name: string; value: string }) => f.name.includes("Catherine Colonna") && f.value.includes("Nagorno-Karabakh"))).toBe(true);
    expect(embed.footer.text).toContain("Tribunnews");
  });

  it("GIVEN 'pranc' typed in the actor option THEN France is suggested", async () => {
    const sent = discord.autocomplete({ ...place, locale: "id" }, { name: "reaction", options: [{ name: "actor", value: "pranc", focused: true }] });
    const { body } = await discord.waitForRequest(callbackOf(sent.id));
    expect(body).toEqual({ type: 8, data: { choices: [{ name: "🇫🇷 Prancis", value: "france" }] } });
  });

  it("GIVEN a press on the UN button THEN the message is updated in place with the UN's reaction", async () => {
    const first = discord.slashCommand(place, { name: "reaction", options: [{ name: "actor", value: "france" }] });
    const { body } = await discord.waitForRequest(callbackOf(first.id));
    const buttons = body.data.components.flatMap((row: { components: { label: string; custom_id: string }[] }) => row.components);
    const un = buttons.find((b: { label: string }) => b.label.includes("United Nations"));
    const press = discord.pressButton(place, un.custom_id);
    const update = await discord.waitForRequest(callbackOf(press.id));
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].title).toContain("United Nations");
  });

  it("GIVEN a DM THEN the bot answers it", async () => {
    const dmChannel = snowflake();
    discord.userMessage({ channelId: dmChannel, author: user, content: "apa kata Prancis?" });
    const { body } = await discord.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${dmChannel}/messages`);
    expect(body.embeds[0].title).toContain("Prancis");
    expect(body.allowed_mentions.parse).toEqual([]);
  });

  // "close", not "exit": "exit" can fire before the last lines of stdout/stderr are read.
  it("GIVEN SIGTERM THEN it closes the gateway cleanly, exits, and its output never contains the token", async () => {
    const exited = new Promise<void>((resolve) => bot.child.once("close", () => resolve()));
    const closed = discord.waitForClose();
    bot.signal("SIGTERM");
    // 1000: discord.js destroyed the client on purpose (a crash would drop the socket without a close frame).
    expect(await closed).toBe(1000);
    await exited;
    expect(bot.output).toContain("discord ready");
    expect(bot.output).toContain("shutting down");
    expect(bot.output).not.toMatch(/"level":(50|60)/);
    expect(bot.output).not.toContain(discord.token);
  });
});
