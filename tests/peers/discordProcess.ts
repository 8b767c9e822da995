import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeDiscord } from "./fakeDiscord.js";

/**
 * A kabar script (`src/main.ts`, the sharding entry) run as `npx tsx <script>`
 * in its own process group, configured only through the environment to talk
 * to `discord`. `output` collects stdout and stderr together.
 */
export interface BotProcess {
  child: ChildProcess;
  readonly output: string;
  /** Sends `signal` to the whole group (npx, tsx, node), as Ctrl-C or `docker stop` would. */
  signal(signal: NodeJS.Signals): void;
  /** Kills whatever is left and removes the data folder. */
  cleanup(): void;
}

export function spawnBot(script: string, discord: FakeDiscord, env: Record<string, string> = {}): BotProcess {
  const dataDir = mkdtempSync(join(tmpdir(), "kabar-discord-"));
  const child = spawn("npx", ["tsx", script], {
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
