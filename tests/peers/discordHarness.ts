import type { Kabar } from "../../src/core/kabar.js";
import { createLogger, type Logger } from "../../src/core/log.js";
import { DiscordPlatform, type DiscordPlatformOptions } from "../../src/platforms/discord/discordPlatform.js";
import { type FakeUser, type InteractionPlace, PERMISSIONS, snowflake } from "./discordPayloads.js";
import { FakeDiscord, type FakeDiscordOptions } from "./fakeDiscord.js";
import { testKabar } from "../helpers/core.js";

/**
 * A running bot against a fresh fake Discord with one server and one channel:
 * what every end-to-end test starts from. Call `close()` in afterEach/afterAll.
 */
export interface DiscordTestBot {
  discord: FakeDiscord;
  platform: DiscordPlatform;
  kabar: Kabar;
  guildId: string;
  channelId: string;
  user: FakeUser;
  /** A member of the server writing in its channel, with send rights only. */
  inGuild(overrides?: Partial<InteractionPlace>): InteractionPlace;
  /** The same user in a DM with the bot. */
  inDm(overrides?: Partial<InteractionPlace>): InteractionPlace;
  close(): Promise<void>;
}

export { testKabar };

export async function startDiscordTestBot(
  options: { kabar?: Kabar; logger?: Logger; platform?: Partial<DiscordPlatformOptions>; guildLocale?: string; fake?: FakeDiscordOptions } = {},
): Promise<DiscordTestBot> {
  const guildId = snowflake();
  const channelId = snowflake();
  const discord = new FakeDiscord({
    ...options.fake,
    guilds: [{ id: guildId, name: "Test server", channels: [channelId], ...(options.guildLocale ? { preferredLocale: options.guildLocale } : {}) }],
  });
  await discord.start();
  const logger = options.logger ?? createLogger("silent");
  const kabar = options.kabar ?? testKabar({ logger });
  const platform = new DiscordPlatform({
    kabar,
    logger,
    token: discord.token,
    applicationId: discord.applicationId,
    apiBase: discord.apiBase,
    ...options.platform,
  });
  await platform.start();
  const user: FakeUser = { id: snowflake(), username: "reader" };
  const dmChannelId = snowflake();
  return {
    discord,
    platform,
    kabar,
    guildId,
    channelId,
    user,
    inGuild: (o = {}) => ({ guildId, channelId, user, permissions: PERMISSIONS.viewAndSend, ...o }),
    inDm: (o = {}) => ({ channelId: dmChannelId, user, ...o }),
    close: async () => {
      await platform.stop();
      await discord.stop();
    },
  };
}
