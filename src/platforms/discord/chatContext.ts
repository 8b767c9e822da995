import { type Interaction, type Message, PermissionFlagsBits } from "discord.js";
import type { ChatContext } from "../../core/command.js";
import { formatTarget } from "../../core/target.js";

/**
 * Who is asking and where, in neutral terms: `discord:<channelId>` as the
 * target (a DM's channel id for private chats), `discord:<userId>` as the user.
 * Manage rights mean Manage Channels in that channel; a DM is always the
 * user's own.
 */

export function interactionChat(interaction: Interaction): ChatContext {
  const inGuild = interaction.inGuild();
  return {
    target: formatTarget("discord", interaction.channelId ?? interaction.user.id),
    platform: "discord",
    type: inGuild ? "group" : "private",
    userId: formatTarget("discord", interaction.user.id),
    // The interaction carries the member's permissions in this channel, overwrites included.
    canManage: async () => !inGuild || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)),
  };
}

export function messageChat(message: Message): ChatContext {
  const inGuild = message.inGuild();
  return {
    target: formatTarget("discord", message.channelId),
    platform: "discord",
    type: inGuild ? "group" : "private",
    userId: formatTarget("discord", message.author.id),
    canManage: async () => {
      if (!message.inGuild()) return true;
      try {
        const member = message.member ?? (await message.guild.members.fetch(message.author.id));
        return member.permissionsIn(message.channelId).has(PermissionFlagsBits.ManageChannels);
      } catch {
        // Unknown member or channel: no rights rather than a crash.
        return false;
      }
    },
  };
}
