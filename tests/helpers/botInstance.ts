import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./core.js";

/**
 * One bot instance as production runs it: src/main.ts in its own OS process
 * (node + tsx, no npm wrapper, so a signal reaches the bot itself), a clean
 * environment plus `env`, its own DATA_DIR. Its JSON log lines are kept for
 * the test to read; `waitForLog` is event-driven with a bound.
 */
export interface BotInstance {
  readonly name: string;
  readonly child: ChildProcess;
  /** Parsed pino lines, in order. */
  readonly logs: Record<string, unknown>[];
  readonly stderr: string;
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string | null>;
  kill(signal: NodeJS.Signals): void;
}

export function startBotInstance(name: string, env: Record<string, string>): BotInstance {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LOG_LEVEL: "info",
      DATA_DIR: mkdtempSync(join(tmpdir(), `kabar-${name}-`)),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const watchers: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = "";
  // The logger writes to stderr (stdout is the console chat's); lines are read from both.
  const parseLines = () => {
    let partial = "";
    return (d: Buffer) => {
      partial += d.toString();
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const text of lines) onLine(text);
    };
  };
  const onLine = (text: string) => {
    if (!text.trim()) return;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      line = { msg: text };
    }
    logs.push(line);
    for (const w of watchers.filter((w) => w.match(line))) {
      watchers.splice(watchers.indexOf(w), 1);
      w.resolve(line);
    }
  };
  child.stdout!.on("data", parseLines());
  const stderrLines = parseLines();
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
    stderrLines(d);
  });
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  return {
    name,
    child,
    logs,
    get stderr() {
      return stderr;
    },
    exited,
    waitForLog(match, timeoutMs = 30_000) {
      const found = logs.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name}: no such log line within ${timeoutMs} ms\nlast lines: ${JSON.stringify(logs.slice(-5))}`)),
          timeoutMs,
        );
        watchers.push({
          match,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    kill(signal) {
      child.kill(signal);
    },
  };
}
