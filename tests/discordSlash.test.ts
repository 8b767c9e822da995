import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordIntents } from "../src/platforms/discord/discordPlatform.js";
import { inert } from "../src/platforms/discord/text.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";

let bot: DiscordTestBot;
beforeAll(async () => {
  bot = await startDiscordTestBot();
});
afterAll(async () => {
  await bot?.close();
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

describe("Discord slash commands, end to end through discord.js", () => {
  it("GIVEN /reaction actor:france in English THEN the reply is an embed with Colonna's quote, our translation and the source", async () => {
    const sent = bot.discord.slashCommand(bot.inGuild({ locale: "en-US" }), { name: "reaction", options: [{ name: "actor", value: "france" }] });
    const callback = await bot.discord.waitForRequest(callbackOf(sent.id));
    expect(callback.body.type).toBe(4);
    const [embed] = callback.body.data.embeds;
    expect(embed.title).toContain("France");
    expect(embed.color).toBe(0x0055a4);
    const quote = embed.fields.find((f: { name: string }) => f.name.includes("Catherine Colonna"));
    expect(quote.name).toContain("🇫🇷");
    const colonna = bot.kabar.library.newest().actors.find((a) => a.id === "france")!.quotes[0]!;
    // The words verbatim (markdown-escaped, which Discord renders back to the same text), then our translation, marked.
    expect(quote.value).toBe(`“${inert(colonna.text)}”\n*Our translation:* “${inert(colonna.translation!)}”`);
    expect(embed.footer.text).toMatch(/^Source: Tribunnews/);
    expect(embed.timestamp).toBe("2023-09-20T12:00:00.000Z");
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe("a slash command answered from the cache", () => {
  it("GIVEN /summary asked twice THEN the second is answered at once (type 4, no deferral) with the same embed", async () => {
    const ask = async () => {
      const sent = bot.discord.slashCommand(bot.inGuild({ locale: "en-US" }), { name: "summary", options: [] });
      return bot.discord.waitForRequest(callbackOf(sent.id));
    };
    const first = await ask();
    const again = await ask();
    expect(again.body.type).toBe(4);
    expect(again.body.data.embeds).toEqual(first.body.data.embeds);
  });
});

describe("Discord intents", () => {
  const { Guilds, GuildMessages, DirectMessages, MessageContent } = GatewayIntentBits;

  it("GIVEN the default configuration THEN the client identifies without the privileged MessageContent intent", () => {
    expect(bot.discord.identifyPayloads[0]!.intents).toBe(Guilds | GuildMessages | DirectMessages);
  });

  it("GIVEN DISCORD_MESSAGE_CONTENT=true THEN MessageContent is requested too", () => {
    expect(discordIntents(true)).toEqual([Guilds, GuildMessages, DirectMessages, MessageContent]);
  });
});
