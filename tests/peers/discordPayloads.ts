/**
 * Builders for the gateway payloads a fake Discord sends, with exactly the
 * fields discord.js 14 needs to accept them (see ../shared/PEERS.md): a
 * missing `data.type`, `entitlements` or `channel_type` makes the client drop
 * the event without a word, so every builder fills them in.
 */

let counter = 0n;
const EPOCH = 1_700_000_000_000n - 1_420_070_400_000n;
/** A fresh snowflake: increasing, unique within the process. */
export function snowflake(): string {
  counter += 1n;
  return ((EPOCH << 22n) + counter).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export function userPayload(user: FakeUser) {
  return { discriminator: "0", avatar: null, global_name: null, bot: false, ...user };
}

/** Permission bits used by tests (https://discord.com/developers/docs/topics/permissions). */
export const PERMISSIONS = {
  none: "0",
  viewAndSend: String((1n << 10n) | (1n << 11n)),
  manageChannels: String((1n << 4n) | (1n << 10n) | (1n << 11n)),
} as const;

export interface FakeGuild {
  id: string;
  name: string;
  /** Text channels of the guild. */
  channels: string[];
  preferredLocale?: string;
  ownerId?: string;
}

/** GUILD_CREATE with an @everyone role and text channels, so guild messages find their channel in the cache. */
export function guildCreatePayload(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId ?? "1",
    preferred_locale: guild.preferredLocale ?? "en-US",
    unavailable: false,
    member_count: 2,
    roles: [
      {
        id: guild.id,
        name: "@everyone",
        permissions: PERMISSIONS.viewAndSend,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: guild.channels.map((id, position) => ({
      id,
      type: 0,
      name: `channel-${position}`,
      position,
      guild_id: guild.id,
      permission_overwrites: [],
    })),
    members: [],
    emojis: [],
    stickers: [],
    features: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export type MessagePayload = Record<string, unknown> & { id: string; channel_id: string };

export function messagePayload(options: {
  id?: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  mentions?: FakeUser[];
  /** The message this one replies to (its author decides "a reply to the bot"). */
  referenced?: { id: string; author: FakeUser; channelId: string };
  embeds?: unknown[];
  components?: unknown[];
}): MessagePayload {
  const ref = options.referenced;
  return {
    id: options.id ?? snowflake(),
    channel_id: options.channelId,
    ...(options.guildId ? { guild_id: options.guildId } : { channel_type: 1 }),
    author: userPayload(options.author),
    ...(options.guildId ? { member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false } } : {}),
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (options.mentions ?? []).map(userPayload),
    mention_roles: [],
    attachments: [],
    embeds: options.embeds ?? [],
    components: options.components ?? [],
    pinned: false,
    type: ref ? 19 : 0,
    ...(ref
      ? {
          message_reference: { message_id: ref.id, channel_id: ref.channelId, ...(options.guildId ? { guild_id: options.guildId } : {}) },
          referenced_message: messagePayload({ id: ref.id, channelId: ref.channelId, author: ref.author, content: "", ...(options.guildId ? { guildId: options.guildId } : {}) }),
        }
      : {}),
  };
}

export interface InteractionPlace {
  /** Omit for a DM. */
  guildId?: string;
  channelId: string;
  user: FakeUser;
  /** Member permissions in the channel (guild only). */
  permissions?: string;
  locale?: string;
}

function interactionBase(type: number, place: InteractionPlace, applicationId: string) {
  const user = userPayload(place.user);
  return {
    id: snowflake(),
    token: `itoken-${snowflake()}`,
    application_id: applicationId,
    type,
    version: 1,
    channel_id: place.channelId,
    channel: { id: place.channelId, type: place.guildId ? 0 : 1 },
    locale: place.locale ?? "en-US",
    entitlements: [],
    authorizing_integration_owners: {},
    app_permissions: PERMISSIONS.viewAndSend,
    ...(place.guildId
      ? {
          guild_id: place.guildId,
          guild_locale: "en-US",
          member: {
            user,
            roles: [],
            permissions: place.permissions ?? PERMISSIONS.viewAndSend,
            joined_at: new Date(0).toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user, context: 1 }),
  };
}

/** An option as Discord sends it: string options (type 3), or a subcommand (type 1) with its own. */
export interface SentOption {
  name: string;
  type?: number;
  value?: string;
  focused?: boolean;
  options?: SentOption[];
}

function withTypes(options: SentOption[]): SentOption[] {
  return options.map((o) => ({ type: o.options ? 1 : 3, ...o, ...(o.options ? { options: withTypes(o.options) } : {}) }));
}

export function commandInteraction(
  kind: "command" | "autocomplete",
  place: InteractionPlace,
  applicationId: string,
  command: { name: string; options?: SentOption[] },
) {
  return {
    ...interactionBase(kind === "command" ? 2 : 4, place, applicationId),
    data: { id: snowflake(), name: command.name, type: 1, options: withTypes(command.options ?? []) },
  };
}

export function buttonInteraction(place: InteractionPlace, applicationId: string, customId: string, message: MessagePayload) {
  return {
    ...interactionBase(3, place, applicationId),
    data: { custom_id: customId, component_type: 2 },
    message,
  };
}
