import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { COMMANDS } from "../../../commands/index.js";
import type { CommandDefinition } from "../../core/command.js";
import { redactSecrets } from "../../core/log.js";
import { commandsJson } from "./commandJson.js";
import { discordScriptConfig } from "./scriptConfig.js";

/**
 * `npm run deploy:discord`: registers the slash commands with one bulk
 * overwrite. Run it when commands change, never on every start: registration
 * is rate limited (https://discord.com/developers/docs/interactions/application-commands#registering-a-command).
 * With DISCORD_GUILD_ID the commands go to that server only and appear at once
 * (development); without it they are global.
 */
export async function deployCommands(options: {
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands?: readonly CommandDefinition[];
}): Promise<{ count: number; scope: string }> {
  const body = commandsJson(options.commands ?? COMMANDS);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  await options.rest.put(route, { body });
  return { count: body.length, scope: options.guildId ? `server ${options.guildId}` : "global" };
}

async function main(): Promise<void> {
  const config = discordScriptConfig("deploy:discord");
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
  try {
    const { count, scope } = await deployCommands({
      rest,
      applicationId: config.DISCORD_APPLICATION_ID,
      ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    });
    process.stdout.write(`Registered ${count} slash commands (${scope}).\n`);
  } catch (err) {
    process.stderr.write(`Registering the commands failed: ${redactSecrets(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
