import { PERMISSIONS, snowflake } from "../peers/discordPayloads.js";
import { FakeDiscord, type RecordedRequest } from "../peers/fakeDiscord.js";
import { startTelegramPeer, TEST_TOKEN, type TelegramPeer } from "../peers/telegramPeer.js";
import { type MainProcess, startMain } from "./mainProcess.js";

/**
 * `npm start` with both platforms at once, each on its local peer: Telegram
 * on telegram-test-api (behind our rules proxy), Discord on the fake Discord.
 * The peers outlive a bot process, so a test can restart the bot on the same
 * chats. Shared by the process tests of content reload, content:import and feeds.
 */
export interface Peers {
  telegram: TelegramPeer;
  discord: FakeDiscord;
  /** Where Discord questions are asked from: one guild channel, a reader allowed to see and send. */
  place: { guildId: string; channelId: string; user: { id: string; username: string }; permissions: string; locale: string };
  stop(): Promise<void>;
}

export async function startPeers(guildName = "Kabar test server"): Promise<Peers> {
  const guildId = snowflake();
  const channelId = snowflake();
  const discord = new FakeDiscord({ guilds: [{ id: guildId, name: guildName, channels: [channelId] }] });
  const telegram = await startTelegramPeer();
  await discord.start();
  return {
    telegram,
    discord,
    place: { guildId, channelId, user: { id: snowflake(), username: "reader" }, permissions: PERMISSIONS.viewAndSend, locale: "id" },
    async stop() {
      await telegram.stop();
      await discord.stop();
    },
  };
}

const STARTED = { telegram: /^telegram: connected as [^\n]*$/m, discord: /^discord: connected as [^\n]*$/m };

/**
 * Spawns the real src/main.ts configured for both peers (plus `env`) and
 * resolves once both platforms have printed their start line. Works for a
 * restart too: it reads the new process's own output, not the peers' history.
 */
export async function startMainOnPeers(peers: Peers, env: Record<string, string>, timeoutMs = 40_000): Promise<MainProcess> {
  const bot = startMain({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: peers.telegram.apiRoot,
    DISCORD_TOKEN: peers.discord.token,
    DISCORD_APPLICATION_ID: peers.discord.applicationId,
    DISCORD_API_BASE: peers.discord.apiBase,
    LOG_LEVEL: "info",
    ...env,
  });
  try {
    await Promise.all([bot.waitForOutput(STARTED.telegram, { timeoutMs }), bot.waitForOutput(STARTED.discord, { timeoutMs })]);
  } catch (err) {
    bot.cleanup();
    throw err;
  }
  return bot;
}

/** A Telegram user in a private chat: asks `text` and resolves with the text of the bot's next message to them. */
export function telegramAsker(peers: Peers, userId: number, firstName = "Sari"): (text: string) => Promise<string> {
  return async (text) => {
    const msg = await peers.telegram.nextMessage(userId, () => peers.telegram.user({ userId, firstName, languageCode: "id" }).send(text));
    return String(msg.payload.text);
  };
}

/** A Discord slash command from the peers' channel; resolves with the body of the interaction's first response. */
export async function discordCommand(peers: Peers, name: string, options: { name: string; value: string }[] = []): Promise<Record<string, any>> {
  const sent = peers.discord.slashCommand(peers.place, { name, options });
  const { body } = await peers.discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
  return body;
}

/** `/reaction <actor>` on Discord: the answer's embed, its title, footer and fields (as JSON) to read. */
export async function discordReaction(peers: Peers, actor: string): Promise<{ title: string; footer: string; fields: string }> {
  const body = await discordCommand(peers, "reaction", [{ name: "actor", value: actor }]);
  const embed = body.data.embeds[0];
  return { title: String(embed.title), footer: String(embed.footer?.text ?? ""), fields: JSON.stringify(embed.fields ?? []) };
}
