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
  readonly output: string;
  /** Resolves with the output from `after` up to the first match of `pattern`; rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  /** Writes one line to stdin (stdin: "pipe" only). */
  writeLine(line: string): void;
  /** Kills whatever is left and removes the data folder. */
  cleanup(): void;
}

export function startMain(env: Record<string, string>, options: { stdin?: "pipe" | "ignore" } = {}): MainProcess {
  const dataDir = mkdtempSync(join(tmpdir(), "kabar-main-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, ...env },
    stdio: [options.stdin ?? "ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return {
    child,
    get output() {
      return output;
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
