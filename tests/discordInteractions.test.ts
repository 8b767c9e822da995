import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCall } from "../src/core/callbackData.js";
import { PERMISSIONS } from "./peers/discordPayloads.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { recordingLogger } from "./helpers/core.js";
import { kabarWithProbes, type Probes } from "./peers/probeCommands.js";

const log = recordingLogger("info");
let probes: Probes;
let bot: DiscordTestBot;
beforeAll(async () => {
  const { logger } = log;
  probes = kabarWithProbes(logger);
  bot = await startDiscordTestBot({ kabar: probes.kabar, logger, platform: { deferAfterMs: 20 } });
});
afterAll(async () => {
  await bot?.close();
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);
type Field = { name: string; value: string };
const fieldsOf = (body: any): Record<string, string> => Object.fromEntries(body.data.embeds[0].fields.map((f: Field) => [f.name, f.value]));

describe("Discord slash commands", () => {
  it("GIVEN the Indonesian locale THEN the reply is in Indonesian", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild({ locale: "id" }), { name: "reaction", options: [{ name: "actor", value: "rusia" }] });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(body.data.embeds[0].title).toBe("🇷🇺 Reaksi Rusia");
    expect(body.data.embeds[0].footer.text).toMatch(/^Sumber: /);
  });

  it("GIVEN an actor the article lacks THEN the reply says so and lists the actors it has", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "reaction", options: [{ name: "actor", value: "turkey" }] });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(body.data.embeds[0].description).toContain("France");
  });

  it("GIVEN hostile text as the actor THEN it is echoed inert: markdown escaped, mentions defused", async () => {
    const hostile = "**@everyone** <@123> [x](https://evil.example)";
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "reaction", options: [{ name: "actor", value: hostile }] });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    const description: string = body.data.embeds[0].description;
    expect(description).toContain("\\*\\*@\u200beveryone\\*\\* <\u200b@123> \\[x\\](https://evil.example)");
    expect(body.data.allowed_mentions.parse).toEqual([]);
  });

  it("GIVEN an answer slower than the deferral threshold THEN it is deferred and then edited in", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "slow" });
    const deferred = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(deferred.body).toMatchObject({ type: 5 });
    probes.releaseSlow();
    const edit = await bot.discord.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${bot.discord.applicationId}/${sent.token}/messages/@original`);
    expect(edit.body.embeds[0].description).toBe("finally");
  });

  it("GIVEN a slow private answer THEN the public deferral is deleted and the answer follows up ephemerally", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "slow", options: [{ name: "private", value: "yes" }] });
    await bot.discord.waitForRequest(callbackOf(sent.id));
    probes.releaseSlow();
    const followUp = await bot.discord.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${bot.discord.applicationId}/${sent.token}`);
    expect(followUp.body.flags).toBe(64);
    expect(bot.discord.requests.some((r) => r.method === "DELETE" && r.path.includes(sent.token))).toBe(true);
  });

  it("GIVEN the reply fails at Discord THEN the user gets an ephemeral apology and the log says which command", async () => {
    bot.discord.failNext((r) => r.path.includes("/callback") && r.body?.type === 4 && !r.body.data.flags, {
      status: 400,
      body: { message: "Invalid Form Body", code: 50035 },
    });
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "summary" });
    const apology = await bot.discord.waitForRequest((r) => callbackOf(sent.id)(r) && r.body.data.flags === 64);
    expect(apology.body.data.content).toBe("Sorry, something went wrong on my side. Please try again in a moment.");
    const line = log.raw.find((l) => l.includes("discord interaction failed"));
    expect(JSON.parse(line!)).toMatchObject({ command: "summary", interactionId: sent.id, err: { code: 50035, status: 400 } });
    // The interaction token in the callback URL would let anyone answer in the bot's name for 15 minutes.
    expect(line).not.toContain(sent.token);
  });
});

describe("Discord ChatContext", () => {
  it.each([
    ["a member with Manage Channels in a server", true, PERMISSIONS.manageChannels, "group", "true"],
    ["a member without it", true, PERMISSIONS.viewAndSend, "group", "false"],
    ["a DM", false, undefined, "private", "true"],
  ])("GIVEN %s THEN the context says so", async (_label, inGuild, permissions, type, canManage) => {
    const place = inGuild ? bot.inGuild({ permissions: permissions! }) : bot.inDm();
    const sent = bot.discord.slashCommand(place, { name: "whoami" });
    const fields = fieldsOf((await bot.discord.waitForRequest(callbackOf(sent.id))).body);
    expect(fields).toEqual({ target: `discord:${place.channelId}`, type, user: `discord:${bot.user.id}`, canManage });
  });
});

describe("Discord autocomplete", () => {
  const choicesFor = async (value: string, locale = "en-US", name = "reaction", option = "actor") => {
    const sent = bot.discord.autocomplete(bot.inGuild({ locale }), { name, options: [{ name: option, value, focused: true }] });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(body.type).toBe(8);
    return body.data.choices as { name: string; value: string }[];
  };

  it.each([
    ["pranc", "id", "🇫🇷 Prancis", "france"],
    ["fra", "en-US", "🇫🇷 France", "france"],
    ["rusai", "en-GB", "🇷🇺 Russia", "russia"],
    ["pbb", "id", "🇺🇳 PBB", "un"],
    ["united", "en-US", "🇺🇳 United Nations", "un"],
    ["guterres", "en-US", "🇺🇳 United Nations", "un"],
  ])("GIVEN '%s' typed (%s) THEN the first suggestion is %s", async (typed, locale, name, value) => {
    const [first] = await choicesFor(typed, locale);
    expect(first).toEqual({ name, value });
  });

  it("GIVEN nothing typed yet THEN every actor is suggested, at most 25", async () => {
    const choices = await choicesFor("");
    expect(choices.map((c) => c.value)).toEqual(["france", "un", "russia"]);
  });

  it("GIVEN a name matching no actor THEN there are no suggestions", async () => {
    expect(await choicesFor("zzz")).toEqual([]);
  });

  it("GIVEN the digest's timezone option (a subcommand's) THEN IANA zones are suggested, Indonesia's first, at most 25", async () => {
    const sent = bot.discord.autocomplete(bot.inGuild(), {
      name: "digest",
      options: [{ name: "subscribe", options: [{ name: "timezone", value: "asia", focused: true }] }],
    });
    const choices = (await bot.discord.waitForRequest(callbackOf(sent.id))).body.data.choices as { value: string }[];
    expect(choices.slice(0, 3).map((c) => c.value)).toEqual(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]);
    expect(choices).toHaveLength(25);
  });

  it("GIVEN the topic option THEN the background sections of the content are suggested", async () => {
    expect(await choicesFor("rus", "en-US", "background", "topic")).toEqual([{ name: "What is Russia's role?", value: "russia-role" }]);
  });
});

describe("Discord buttons", () => {
  it("GIVEN a reply THEN its buttons lead to the other actors, the background and the summary", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild(), { name: "reaction", options: [{ name: "actor", value: "france" }] });
    const { body } = await bot.discord.waitForRequest(callbackOf(sent.id));
    const labels = body.data.components.flatMap((row: any) => row.components.map((b: any) => b.label));
    expect(labels).toEqual(["🇺🇳 United Nations", "🇷🇺 Russia", "Background: What is Russia's role?", "Summary"]);
  });

  it("GIVEN a press on a follow-up button THEN the message is updated in place", async () => {
    const press = bot.discord.pressButton(bot.inGuild(), encodeCall({ command: "summary", lang: "id", args: {} }));
    const { body } = await bot.discord.waitForRequest(callbackOf(press.id));
    expect(body.type).toBe(7);
    expect(body.data.embeds[0].title).toMatch(/^Ringkasan: /);
  });

  it.each([["an unknown custom id", "some-other-bot:42"], ["a command this version does not have", "k1|gone|en|"]])(
    "GIVEN %s THEN the presser gets an ephemeral notice",
    async (_label, customId) => {
      const press = bot.discord.pressButton(bot.inGuild(), customId);
      const { body } = await bot.discord.waitForRequest(callbackOf(press.id));
      expect(body).toMatchObject({ type: 4, data: { flags: 64, content: "This button has expired. Type /help to start again." } });
    },
  );
});
