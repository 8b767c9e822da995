import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snowflake } from "./peers/discordPayloads.js";
import { type DiscordTestBot, startDiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";

let bot: DiscordTestBot;
beforeAll(async () => {
  // An Indonesian server: a message that does not show its language is answered in Indonesian.
  bot = await startDiscordTestBot({ guildLocale: "id" });
});
afterAll(async () => {
  await bot?.close();
});

/** A message in the server's channel that mentions the bot. */
const mentionBot = (text: string) =>
  bot.discord.userMessage({
    channelId: bot.channelId,
    guildId: bot.guildId,
    author: bot.user,
    content: `<@${bot.discord.bot.id}> ${text}`,
    mentions: [bot.discord.bot],
  });
const postTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;

describe("Discord messages", () => {
  it("GIVEN a DM THEN every message is a question and gets an embed answer, pinging nobody", async () => {
    const dm = snowflake();
    const sent = bot.discord.userMessage({ channelId: dm, author: bot.user, content: "what did France say?" });
    const { body } = await bot.discord.waitForRequest(postTo(dm));
    expect(body.embeds[0].title).toBe("🇫🇷 France's reaction");
    expect(body.message_reference.message_id).toBe(sent.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("GIVEN a mention of the bot in a server THEN it answers the question without the mention", async () => {
    const sent = mentionBot("apa kata PBB?");
    const { body } = await bot.discord.waitForRequest((r) => postTo(bot.channelId)(r) && r.body.message_reference?.message_id === sent.id);
    expect(body.embeds[0].title).toBe("🇺🇳 Reaksi PBB");
  });

  it("GIVEN an English fact question in a DM THEN the embed opens with the sentence holding the fact, in our translation marked as ours", async () => {
    const dm = snowflake();
    bot.discord.userMessage({ channelId: dm, author: bot.user, content: "How many Russian peacekeepers are there?" });
    const { body } = await bot.discord.waitForRequest(postTo(dm));
    expect(body.embeds[0].title).toBe("🇷🇺 Russia's reaction");
    expect(body.embeds[0].description).toMatch(/^The article says \(our translation\): “Moscow said .*2,000 people/);
  });

  it("GIVEN a reply to the bot in a server THEN it answers", async () => {
    const sent = bot.discord.userMessage({
      channelId: bot.channelId,
      guildId: bot.guildId,
      author: bot.user,
      content: "and Russia?",
      referenced: { id: snowflake(), author: bot.discord.bot, channelId: bot.channelId },
    });
    const { body } = await bot.discord.waitForRequest((r) => postTo(bot.channelId)(r) && r.body.message_reference?.message_id === sent.id);
    expect(body.embeds[0].title).toBe("🇷🇺 Russia's reaction");
  });

  it("GIVEN a mention with a bare name THEN the server's language decides", async () => {
    const sent = mentionBot("Rusia?");
    const { body } = await bot.discord.waitForRequest((r) => postTo(bot.channelId)(r) && r.body.message_reference?.message_id === sent.id);
    expect(body.embeds[0].title).toBe("🇷🇺 Reaksi Rusia");
  });

  it("GIVEN chatter in a server (no mention, not a reply, another bot) THEN the bot stays silent", async () => {
    const base = { channelId: bot.channelId, guildId: bot.guildId };
    const ignored = [
      bot.discord.userMessage({ ...base, author: bot.user, content: "apa kata Prancis?" }),
      bot.discord.userMessage({ ...base, author: bot.user, content: "@everyone kabar?", referenced: { id: snowflake(), author: bot.user, channelId: bot.channelId } }),
      bot.discord.userMessage({ ...base, author: { id: snowflake(), username: "otherbot", bot: true }, content: `<@${bot.discord.bot.id}> hi`, mentions: [bot.discord.bot] }),
    ];
    // Messages are handled in order: once the DM sent after them is answered, the chatter had its chance.
    const dm = snowflake();
    bot.discord.userMessage({ channelId: dm, author: bot.user, content: "summary" });
    await bot.discord.waitForRequest(postTo(dm));
    const ids = new Set(ignored.map((m) => m.id));
    expect(bot.discord.requests.filter((r) => ids.has(r.body?.message_reference?.message_id))).toEqual([]);
  });
});
