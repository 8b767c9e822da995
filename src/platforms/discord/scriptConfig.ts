import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, loadConfig } from "../../config.js";

/**
 * The configuration for the Discord-only scripts (deploy:discord,
 * start:sharded): .env and the environment, validated, with the token and
 * application id present; otherwise one readable line and exit code 2, like `npm start`.
 */
export function discordScriptConfig(script: string): Config & { DISCORD_TOKEN: string; DISCORD_APPLICATION_ID: string } {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const { DISCORD_TOKEN, DISCORD_APPLICATION_ID } = config;
  if (!DISCORD_TOKEN || !DISCORD_APPLICATION_ID) {
    process.stderr.write(`${script} needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n`);
    process.exit(2);
  }
  return { ...config, DISCORD_TOKEN, DISCORD_APPLICATION_ID };
}
