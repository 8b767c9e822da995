import { mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "./config.js";

/**
 * Folders the bot writes to (DATA_DIR, BACKUP_DIR) are checked at start by
 * doing what the bot will do, creating the folder and a file in it, so every
 * way it can fail (a file in the way, a file higher up the path, no
 * permission, a read-only file system, a full disk) is one readable line
 * instead of a stack trace from deep inside SQLite. Creating a file is the
 * only honest probe: permission bits say nothing to root, and nothing about
 * a read-only mount.
 */

/** Words for the errno codes a folder or a file in it can fail with. */
export function fsProblem(code: string | undefined): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "is not writable (permission denied)";
    case "EROFS":
      return "is on a read-only file system";
    case "ENOSPC":
      return "is on a full disk";
    case "EDQUOT":
      return "is over the disk quota";
    case "ELOOP":
      return "is a symbolic link that loops back on itself";
    default:
      return `cannot be used (${code ?? "unknown error"})`;
  }
}

/** The nearest existing ancestor of `path` that is not a folder, if any. */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
      return undefined;
    } catch {
      // Missing: look one level up.
    }
    if (dirname(p) === p) return undefined;
  }
}

/** Why `dir` cannot hold the bot's files, or undefined when it can (the folder is created if missing). */
export function unusableDirReason(dir: string): string | undefined {
  const path = resolve(dir);
  const blocker = fileInTheWay(path);
  if (blocker === path) return "is a file, not a folder";
  if (blocker) return `lies under ${blocker}, which is a file`;
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "cannot be created (permission denied)" : fsProblem(code);
  }
  const probe = join(path, `.kabar-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (err) {
    return fsProblem((err as NodeJS.ErrnoException).code);
  }
  return undefined;
}

/** Throws a one-line ConfigError for the first folder that cannot be written. */
export function requireWritableDirs(dirs: Record<string, string>): void {
  for (const [variable, dir] of Object.entries(dirs)) {
    const reason = unusableDirReason(dir);
    if (reason) throw new ConfigError(`Invalid configuration: ${variable} (${dir}) ${reason}`);
  }
}

/** For entry points: the one line on stderr and exit 2, like any other invalid setting. */
export function requireWritableDirsOrExit(dirs: Record<string, string>): void {
  try {
    requireWritableDirs(dirs);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
