import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTENT_DIR, ROOT } from "./core.js";

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
  /** Resolves with the output from `after` up to the first match of `pattern`; rejects after `timeoutMs`. */
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
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
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
          if (!m) return false;
          listeners.delete(onChange);
          clearTimeout(timer);
          resolve(tail.slice(0, m.index + m[0].length));
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
export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kabar-content-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Test articles of our own (tests/fixtures/library), other subjects and actors than the seed. */
export const FIXTURE_LIBRARY = join(ROOT, "tests/fixtures/library");
export const RICE = "2023-11-02-rice-exports";
export const FUKUSHIMA = "2023-08-24-fukushima-water";

/** Copies one fixture article folder into `contentDir`. */
export function addFixtureArticle(contentDir: string, folder: string): void {
  cpSync(join(FIXTURE_LIBRARY, folder), join(contentDir, folder), { recursive: true });
}
