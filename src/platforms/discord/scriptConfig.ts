import { type Config, loadConfigOrExit } from "../../config.js";

/**
 * The configuration for the Discord-only scripts (deploy:discord,
 * start:sharded): .env and the environment, validated, with the token and
 * application id present; otherwise one readable line and exit code 2, like `npm start`.
 */
export function discordScriptConfig(script: string): Config & { DISCORD_TOKEN: string; DISCORD_APPLICATION_ID: string } {
  const config = loadConfigOrExit();
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID } = config;
  if (!DISCORD_TOKEN || !DISCORD_APPLICATION_ID) {
    process.stderr.write(`${script} needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n`);
    process.exit(2);
  }
  return { ...config, DISCORD_TOKEN, DISCORD_APPLICATION_ID };
}
