import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import type { CommandDefinition } from "../../core/command.js";
import type { Lang } from "../../core/lang.js";
import type { Logger } from "../../core/log.js";

/**
 * The "/" menu: every command with its description, in English (the default
 * list) and Indonesian (`language_code: "id"`), as Telegram shows them by the
 * user's app language (https://core.telegram.org/bots/api#setmycommands).
 * setMyCommands is rate limited, so it is only called when the menu differs
 * from the one last registered for this bot (a hash kept in DATA_DIR).
 * A failure is logged and start-up goes on: the bot works without a menu.
 */
const MENU_LANGS: { lang: Lang; languageCode?: LanguageCode }[] = [{ lang: "en" }, { lang: "id", languageCode: "id" }];

/** Telegram accepts command names of 1-32 of a-z 0-9 _ and descriptions of 1-256 characters. */
export function menuFor(commands: readonly CommandDefinition[], lang: Lang): BotCommand[] {
  return commands
    .filter((c) => /^[a-z0-9_]{1,32}$/.test(c.name))
    .map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) || c.name }));
}

export type MenuSync = "updated" | "unchanged" | "failed";

export async function syncCommandMenu(
  api: Api,
  commands: readonly CommandDefinition[],
  options: { stateFile: string; botId: number; logger?: Logger },
): Promise<MenuSync> {
  const menus = MENU_LANGS.map((m) => ({ ...m, commands: menuFor(commands, m.lang) }));
  const hash = createHash("sha256").update(JSON.stringify(menus)).digest("hex");
  const state = await readState(options.stateFile);
  const key = String(options.botId);
  if (state[key] === hash) return "unchanged";
  try {
    for (const m of menus) {
      await api.setMyCommands(m.commands, m.languageCode ? { language_code: m.languageCode } : {});
    }
  } catch (err) {
    options.logger?.warn({ err }, "could not register the Telegram command menu; will try again at the next start");
    return "failed";
  }
  try {
    await mkdir(dirname(options.stateFile), { recursive: true });
    await writeFile(options.stateFile, `${JSON.stringify({ ...state, [key]: hash }, null, 2)}\n`);
  } catch (err) {
    options.logger?.warn({ err, file: options.stateFile }, "could not remember the registered command menu");
  }
  options.logger?.info({ commands: menus[0]!.commands.length }, "Telegram command menu registered");
  return "updated";
}

async function readState(file: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {}; // first start, or an unreadable file: register again
  }
}
