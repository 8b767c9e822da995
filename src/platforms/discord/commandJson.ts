import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandDefinition, OptionDefinition, OptionSource, SubcommandDefinition } from "../../core/command.js";

/**
 * The slash commands Discord registers, generated from the neutral command
 * list: English names and descriptions, Indonesian in the `id` localizations
 * (https://discord.com/developers/docs/interactions/application-commands#localization),
 * fixed choices as Discord choices, and the option sources whose values come
 * from the content (actors, topics, articles, time zones) as autocomplete.
 */

/** Options whose values we suggest while the user types (answered by autocomplete.ts). */
export const AUTOCOMPLETE_SOURCES: ReadonlySet<OptionSource> = new Set(["actor", "topic", "article", "timezone"]);

function option(def: OptionDefinition): APIApplicationCommandBasicOption {
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: def.name,
    ...(def.nameId ? { name_localizations: { id: def.nameId } } : {}),
    description: def.description.en,
    description_localizations: { id: def.description.id },
    required: def.required ?? false,
  };
  if (def.choices?.length) {
    return {
      ...base,
      choices: def.choices.map((c) => ({ name: c.label.en, name_localizations: { id: c.label.id }, value: c.value })),
    };
  }
  return { ...base, autocomplete: def.source !== undefined && AUTOCOMPLETE_SOURCES.has(def.source) };
}

/** Discord requires required options before optional ones; the neutral order is kept otherwise. */
function options(defs: OptionDefinition[]): APIApplicationCommandBasicOption[] {
  return [...defs.filter((o) => o.required), ...defs.filter((o) => !o.required)].map(option);
}

function subcommand(def: SubcommandDefinition): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: def.name,
    ...(def.nameId ? { name_localizations: { id: def.nameId } } : {}),
    description: def.description.en,
    description_localizations: { id: def.description.id },
    options: options(def.options),
  };
}

/** Whether Discord should hide the command from members without Manage Channels (they can be allowed per server). */
export function requiresManage(def: CommandDefinition): boolean {
  return Boolean(def.requiresManage || (def.subcommands?.length && def.subcommands.every((s) => s.requiresManage)));
}

export function commandJson(def: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    ...(def.nameId ? { name_localizations: { id: def.nameId } } : {}),
    description: def.description.en,
    description_localizations: { id: def.description.id },
    options: def.subcommands?.length ? def.subcommands.map(subcommand) : options(def.options),
    ...(requiresManage(def) ? { default_member_permissions: PermissionFlagsBits.ManageChannels.toString() } : {}),
    // Usable in servers and in DMs with the bot.
    contexts: [0, 1],
  };
}

export function commandsJson(defs: readonly CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return defs.map(commandJson);
}

/** The neutral definition of the options a Discord interaction carries (a subcommand's, when one was used). */
export function optionDefinitions(def: CommandDefinition, subcommandName: string | null): OptionDefinition[] {
  if (subcommandName) return def.subcommands?.find((s) => s.name === subcommandName)?.options ?? [];
  return def.options;
}
