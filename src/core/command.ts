import type { ContentLibrary } from "../content/loader.js";
import type { Lang, Localized } from "./lang.js";
import type { PlatformName } from "./target.js";
import type { CommandCall, Reply } from "./reply.js";

/**
 * Where option values come from, so each platform can offer them natively
 * (Discord choices/autocomplete, Telegram buttons, console completion).
 */
export type OptionSource = "actor" | "topic" | "article" | "time" | "timezone" | "lang" | "mode";

export interface OptionDefinition {
  name: string;
  /** Indonesian name where it differs (Discord `name_localizations.id`): lower-case, at most 32 characters. */
  nameId?: string;
  description: Localized;
  required?: boolean;
  source?: OptionSource;
  /** A fixed list of values, when the option has one. */
  choices?: { value: string; label: Localized }[];
}

export interface SubcommandDefinition {
  name: string;
  /** Indonesian name where it differs (Discord `name_localizations.id`): lower-case, at most 32 characters. */
  nameId?: string;
  description: Localized;
  options: OptionDefinition[];
  /** Only chat administrators (Telegram) / members with Manage Channels (Discord) may run it outside DMs. */
  requiresManage?: boolean;
}

/** Who is asking, and where. Platforms fill it in; commands that do not need it ignore it. */
export interface ChatContext {
  /** Platform-qualified address: "telegram:123", "discord:456", "console:local". */
  target: string;
  platform: PlatformName;
  type: "private" | "group" | "channel";
  /** Platform-qualified user id of the caller, when there is one. */
  userId?: string;
  /** Whether the caller may manage this chat (admin / Manage Channels); always true in DMs. */
  canManage(): Promise<boolean>;
}

export interface CommandContext {
  library: ContentLibrary;
  chat?: ChatContext;
  /** Extra services (digest store, scheduler) made available by the composition root. */
  services: Record<string, unknown>;
}

export interface CommandDefinition {
  name: string;
  /** Indonesian name where it differs (Discord `name_localizations.id`): lower-case, at most 32 characters. */
  nameId?: string;
  description: Localized;
  options: OptionDefinition[];
  subcommands?: SubcommandDefinition[];
  /** Every subcommand requires manage rights outside DMs (Discord default_member_permissions). */
  requiresManage?: boolean;
  /**
   * The answer depends only on the call (command, arguments, language) and the
   * content: not on who asks, where, or any stored state. Kabar may then serve
   * it from a cache, per content version.
   */
  pure?: boolean;
  run(call: CommandCall, ctx: CommandContext): Promise<Reply>;
}

/** Option shared by every article command: which article (defaults to the newest). */
export const articleOption: OptionDefinition = {
  name: "article",
  nameId: "artikel",
  description: {
    id: "Artikel yang dimaksud (bawaan: yang terbaru)",
    en: "Which article (default: the newest)",
  },
  source: "article",
};

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}
