import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeDiscord } from "./fakeDiscord.js";

/**
 * A kabar script (`src/main.ts`, the sharding entry) run as `node --import tsx
 * <script>` in its own process group, configured only through the environment
 * to talk to `discord`. `output` collects stdout and stderr together.
 *
 * Not `npx tsx`: tsx's CLI relays a signal to the bot and SIGKILLs it when the
 * bot has not confirmed receipt within 30 ms, which a loaded machine misses
 * (the gateway then saw 1006, no close frame, instead of 1000). Production
 * runs `node dist/…`, so the signal reaches the bot itself, as here.
 */
export interface BotProcess {
  child: ChildProcess;
  readonly output: string;
  /** Sends `signal` to the whole group (the bot and any shard processes it started), as Ctrl-C or `docker stop` would. */
  signal(signal: NodeJS.Signals): void;
  /** Kills whatever is left and removes the data folder. */
  cleanup(): void;
}

export function spawnBot(script: string, discord: FakeDiscord, env: Record<string, string> = {}): BotProcess {
  const dataDir = mkdtempSync(join(tmpdir(), "kabar-discord-"));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return {
    child,
    get output() {
      return output;
    },
    signal: (signal) => process.kill(-child.pid!, signal),
    cleanup: () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
