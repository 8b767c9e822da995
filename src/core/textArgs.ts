import type { CommandDefinition, OptionDefinition } from "./command.js";
import type { Lang } from "./lang.js";
import type { CommandCall } from "./reply.js";

/**
 * Parses the text form of a command, shared by Telegram and the console:
 * "/reaction prancis", "/reaction@KabarBot arab saudi", "/digest subscribe 07:30 Asia/Jakarta",
 * "/summary length=short article=2023-09-20-karabakh-reactions".
 */
export interface ParsedCommandText {
  name: string;
  /** The "@BotName" suffix, when present (Telegram groups). */
  mention?: string;
  rest: string;
}

export function parseCommandText(text: string): ParsedCommandText | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  // The text is trimmed and \s+ takes the spaces after the name, so the rest needs no trimming of its own.
  return { name: m[1]!.toLowerCase(), ...(m[2] ? { mention: m[2] } : {}), rest: m[3] ?? "" };
}

/**
 * Maps words to options: `key=value` pairs by name, the remaining words by
 * position, the last positional option taking all that is left ("arab saudi").
 * The `article` option is only given by name. A first word naming a
 * subcommand selects it.
 */
export function callFromText(def: CommandDefinition, rest: string, lang: Lang): CommandCall {
  const args: Record<string, string | undefined> = {};
  // Stryker disable next-line Regex: splitting on single spaces only adds empty words, which filter(Boolean) drops.
  let words = rest.split(/\s+/).filter(Boolean);
  let options: OptionDefinition[] = def.options;
  if (def.subcommands?.length) {
    const sub = def.subcommands.find((s) => s.name === words[0]?.toLowerCase());
    if (sub) {
      args.subcommand = sub.name;
      options = sub.options;
      words = words.slice(1);
    } else if (words[0]) {
      args.subcommand = words[0].toLowerCase();
      words = words.slice(1);
    }
  }
  const names = new Set(options.map((o) => o.name));
  const positional: string[] = [];
  for (const word of words) {
    const kv = /^([a-z_]+)=(.*)/.exec(word); // a word has no line break: .* runs to its end
    if (kv && names.has(kv[1]!)) args[kv[1]!] = kv[2];
    else positional.push(word);
  }
  const slots = options.filter((o) => o.name !== "article" && args[o.name] === undefined);
  slots.forEach((opt, i) => {
    if (i >= positional.length) return;
    args[opt.name] = i === slots.length - 1 ? positional.slice(i).join(" ") : positional[i];
  });
  return { command: def.name, args, lang };
}
