import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { ChatContext } from "../../core/command.js";
import type { Kabar } from "../../core/kabar.js";
import { type Lang, langFromLocale } from "../../core/lang.js";
import type { Logger } from "../../core/log.js";
import type { Maybe } from "../../core/maybe.js";
import type { CommandCall, Reply } from "../../core/reply.js";
import { t } from "../../core/strings.js";
import { updatesTotal } from "../../ops/metrics.js";
import { autocompleteChoices } from "./autocomplete.js";
import { callFromButton } from "./buttons.js";
import { interactionChat } from "./chatContext.js";
import { optionDefinitions } from "./commandJson.js";
import { loggableError } from "./errorLog.js";
import { NO_MENTIONS, type PreparedMessage, preparedMessages } from "./render.js";
import { resolvedPayload } from "./resolvedPayload.js";

/**
 * Slash commands, autocomplete and buttons: each decoded into a neutral
 * command call, run through `kabar.run`, and answered within Discord's
 * 3-second deadline (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction):
 * work still running after `deferAfterMs` is deferred and finished by an edit.
 */
export interface InteractionDeps {
  kabar: Kabar;
  logger: Logger;
  /** How long to wait for an answer before deferring; well inside the 3 s deadline. */
  deferAfterMs: number;
}

const EPHEMERAL = MessageFlags.Ephemeral;

/** The one error boundary for interactions: a failure is logged with context and answered with an ephemeral apology. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const kind = interaction.isChatInputCommand() ? "command" : interaction.isAutocomplete() ? "autocomplete" : interaction.isButton() ? "button" : undefined;
  if (kind) updatesTotal.inc({ platform: "discord", kind });
  try {
    if (interaction.isChatInputCommand()) await handleSlash(interaction, deps);
    else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
    else if (interaction.isButton()) await handleButton(interaction, deps);
  } catch (err) {
    deps.logger.error(
      {
        err: loggableError(err),
        interactionId: interaction.id,
        interactionType: interaction.type,
        command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
        customId: interaction.isButton() ? interaction.customId : undefined,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
      },
      "discord interaction failed",
    );
    await apologize(interaction, await langOf(interaction, deps.kabar)).catch((e: unknown) =>
      deps.logger.warn({ err: loggableError(e), interactionId: interaction.id }, "could not send the apology"),
    );
  }
}

/**
 * The language of the bot's own replies in this chat (apologies, stale buttons, the limit's notice,
 * autocomplete): the chat's /lang choice, else the user's Discord locale, as for every answer there.
 */
async function langOf(interaction: Interaction, kabar: Kabar, fallback: Lang = langFromLocale(interaction.locale)): Promise<Lang> {
  return (await kabar.chatLang(interactionChat(interaction))) ?? fallback;
}

async function apologize(interaction: Interaction, lang: Lang): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const body = { content: t(lang).genericError, flags: EPHEMERAL, allowedMentions: NO_MENTIONS } as const;
  if (interaction.deferred || interaction.replied) await interaction.followUp(body);
  else await interaction.reply(body);
}

/** Resolves with the work's result; if it takes longer than `ms`, runs `defer` first (once). */
async function withDeferral<T>(work: Maybe<T>, ms: number, defer: () => Promise<unknown>): Promise<T> {
  // An answer the core has at once (a cached reply) comes as a value: nothing to wait for, no timer.
  if (!(work instanceof Promise)) return work;
  // One ready at the next turn needs no timer either: let it settle first.
  let settled = false;
  const settle = () => void (settled = true);
  work.then(settle, settle);
  await Promise.resolve();
  if (settled) return work;
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), ms);
  });
  try {
    const first = await Promise.race([work, slow]);
    if (first !== "slow") return first;
    await defer();
    return await work;
  } finally {
    clearTimeout(timer);
  }
}

function callFromSlash(interaction: ChatInputCommandInteraction | AutocompleteInteraction, kabar: Kabar, lang: Lang): CommandCall {
  const def = kabar.command(interaction.commandName);
  const subcommand = interaction.options.getSubcommand(false);
  const args: Record<string, string | undefined> = {};
  if (subcommand) args.subcommand = subcommand;
  for (const option of def ? optionDefinitions(def, subcommand) : []) {
    const value = interaction.options.get(option.name)?.value;
    if (value !== undefined && value !== null) args[option.name] = String(value);
  }
  return { command: interaction.commandName, args, lang };
}

/**
 * The per-user limit (Kabar.admit). Over it, the first request gets the
 * notice, privately; the rest get no response at all (Discord shows only the
 * caller that the interaction failed: nothing reaches the channel).
 */
async function admitted(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  chat: ChatContext,
  lang: Lang,
  deps: InteractionDeps,
): Promise<boolean> {
  const gate = deps.kabar.admit(chat, lang);
  if (gate.answer) return true;
  if (gate.notice) await interaction.reply({ content: gate.notice.blocks.join("\n"), flags: EPHEMERAL, allowedMentions: NO_MENTIONS });
  return false;
}

async function handleSlash(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const chat = interactionChat(interaction);
  // Looked up once for this interaction, then handed to the core.
  const choice = await deps.kabar.langChoice(chat);
  const lang = choice.lang ?? langFromLocale(interaction.locale);
  const call = callFromSlash(interaction, deps.kabar, lang);
  if (!(await admitted(interaction, chat, lang, deps))) return;
  const reply = await withDeferral(deps.kabar.run(call, chat, choice), deps.deferAfterMs, () =>
    interaction.deferReply(),
  );
  await sendReply(interaction, reply, preparedMessages(reply));
}

/** The first message answers the interaction (or edits the deferred answer); the rest follow up. */
async function sendReply(interaction: ChatInputCommandInteraction | ButtonInteraction, reply: Reply, messages: PreparedMessage[]): Promise<void> {
  const flags = reply.private ? EPHEMERAL : undefined;
  const [first, ...rest] = messages;
  if (!first) return;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(resolvedPayload(interaction, first, flags));
  } else if (reply.private) {
    // A deferred slash answer is public: a private reply replaces it with an ephemeral follow-up.
    // (After a button's deferUpdate, the "reply" is the message the button is on: it stays.)
    if (interaction.isChatInputCommand()) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...first, flags: EPHEMERAL });
  } else {
    await interaction.editReply(first);
  }
  for (const message of rest) await interaction.followUp({ ...message, ...(flags ? { flags } : {}) });
}

async function handleAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const lang = await langOf(interaction, deps.kabar);
  const def = deps.kabar.command(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const option = def ? optionDefinitions(def, interaction.options.getSubcommand(false)).find((o) => o.name === focused.name) : undefined;
  const articleId = focused.name === "article" ? undefined : (interaction.options.get("article")?.value as string | undefined);
  await interaction.respond(autocompleteChoices(deps.kabar.library, option?.source, String(focused.value), lang, articleId || undefined));
}

async function handleButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const call = callFromButton(interaction.customId);
  if (!call || !deps.kabar.command(call.command)) {
    // A button from an older version, or one another bot left: say so privately instead of failing.
    const lang = await langOf(interaction, deps.kabar);
    await interaction.reply({ content: t(lang).staleButton, flags: EPHEMERAL, allowedMentions: NO_MENTIONS });
    return;
  }
  const chat = interactionChat(interaction);
  const choice = await deps.kabar.langChoice(chat);
  if (!(await admitted(interaction, chat, choice.lang ?? call.lang, deps))) return;
  const reply = await withDeferral(deps.kabar.run(call, chat, choice), deps.deferAfterMs, () =>
    interaction.deferUpdate(),
  );
  const messages = preparedMessages(reply);
  const [first, ...rest] = messages;
  if (reply.private || !first) {
    await sendReply(interaction, reply, messages);
    return;
  }
  // Pressing a follow-up replaces the answer in place.
  if (interaction.deferred) await interaction.editReply(first);
  else await interaction.update(resolvedPayload(interaction, first));
  for (const message of rest) await interaction.followUp(message);
}
