import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./core.js";

/**
 * `npm start` as production runs it (node --import tsx src/main.ts), with a
 * clean environment plus `env`, a fresh DATA_DIR, and stdin kept open when
 * `stdin` is "pipe" (a long-running console fed by a pipe). Waits are driven
 * by what the process prints, never by sleeping.
 */
export interface MainProcess {
  child: ChildProcess;
  /** DATA_DIR (the test's own when `env` names one). */
  readonly dataDir: string;
  readonly output: string;
  /** Resolves with the exit code (null when a signal ended it) once the process has ended. */
  readonly exited: Promise<number | null>;
  /** The line in which the first match of `pattern` (after `after`) ends: a pattern for one log line gives that line. */
  waitForLine(pattern: RegExp, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  /** Resolves with the output from `after` up to the first match of `pattern`; rejects after `timeoutMs`, or at once when the process has ended. */
  waitForOutput(pattern: RegExp, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  /** Writes one line to stdin (stdin: "pipe" only). */
  writeLine(line: string): void;
  /** Kills whatever is left and removes the data folder. */
  cleanup(): void;
}

export function startMain(env: Record<string, string>, options: { stdin?: "pipe" | "ignore" } = {}): MainProcess {
  const ownDataDir = env.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), "kabar-main-"));
  const dataDir = env.DATA_DIR ?? ownDataDir!;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, ...env },
    stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  /** How the process ended, once it has and its output is all read ("close"): a wait then fails at once. */
  let ended: string | undefined;
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  child.once("close", (code, signal) => {
    ended = signal ? `signal ${signal}` : `code ${code}`;
    for (const l of listeners) l();
  });
  const process_: MainProcess = {
    child,
    dataDir,
    exited,
    get output() {
      return output;
    },
    async waitForLine(pattern, options) {
      return (await process_.waitForOutput(pattern, options)).replace(/\n$/, "").split("\n").at(-1)!;
    },
    waitForOutput(pattern, { after = 0, timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const tail = output.slice(after);
          const m = pattern.exec(tail);
          if (!m && !ended) return false;
          listeners.delete(onChange);
          clearTimeout(timer);
          if (m) resolve(tail.slice(0, m.index + m[0].length));
          else reject(new Error(`no ${pattern}: the process ended (${ended}); output after ${after}:\n${tail}`));
          return true;
        };
        const onChange = () => void check();
        const timer = setTimeout(() => {
          listeners.delete(onChange);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output after ${after}:\n${output.slice(after)}`));
        }, timeoutMs);
        if (!check()) listeners.add(onChange);
      });
    },
    writeLine(line) {
      child.stdin!.write(`${line}\n`);
    },
    cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      // A DATA_DIR the test named is the test's to remove (it may start the bot on it again).
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
  return process_;
}

/** A copy of the bundled content the test may change while the bot runs. */
export { contentCopy } from "./contentEdits.js";

/** Test articles of our own (tests/fixtures/library), other subjects and actors than the seed. */
export const FIXTURE_LIBRARY = join(ROOT, "tests/fixtures/library");
export const RICE = "2023-11-02-rice-exports";
export const FUKUSHIMA = "2023-08-24-fukushima-water";

/** Copies one fixture article folder into `contentDir`. */
export function addFixtureArticle(contentDir: string, folder: string): void {
  cpSync(join(FIXTURE_LIBRARY, folder), join(contentDir, folder), { recursive: true });
}

export const RELOADED = /"msg":"content reloaded"[^\n]*\n/;
const WATCH_STARTED = /"msg":"content watch started"/;

/**
 * Resolves once a file change under `contentDir` has reloaded the running
 * bot's content; fails fast, saying which, when the bot never started its
 * content watcher (its "content watch started" line is written before any
 * platform starts, so call this once the bot is up) or when the watcher runs
 * but no change reloads within `deadlineMs`. Node 20 sets up a recursive watch
 * on Linux asynchronously, so the folder is touched until a reload shows the
 * watch is live. Needs LOG_LEVEL info or lower.
 */
export async function waitUntilWatching(bot: MainProcess, contentDir: string, deadlineMs = 10_000): Promise<void> {
  try {
    await bot.waitForOutput(WATCH_STARTED, { timeoutMs: 2_000 });
  } catch {
    throw new Error(`the running bot never started its content watcher: no "content watch started" line in its log\n${bot.output.slice(-2_000)}`);
  }
  const giveUpAt = Date.now() + deadlineMs;
  for (let i = 0; ; i++) {
    const after = bot.output.length;
    writeFileSync(join(contentDir, "README.txt"), `not an article ${i}\n`);
    try {
      await bot.waitForOutput(RELOADED, { after, timeoutMs: Math.min(2_000, Math.max(1, giveUpAt - Date.now())) });
      // Seldom (the bot is up, so its watch almost always is): the reload seen may be a late one of an earlier
      // touch, with the next still to come. Wait until no reload follows for a second, so a test counting
      // reloads after this counts only its own.
      for (let quiet = i === 0; !quiet; ) {
        const since = bot.output.length;
        quiet = await bot.waitForOutput(RELOADED, { after: since, timeoutMs: 1_000 }).then(() => false, () => true);
      }
      return;
    } catch {
      if (Date.now() >= giveUpAt) {
        throw new Error(`the content watcher started, but no file change under ${contentDir} reloaded the content within ${deadlineMs} ms`);
      }
    }
  }
}
