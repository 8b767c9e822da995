import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BackupFile, listBackups } from "./backups.js";
import { integrityProblem } from "./startupCheck.js";

/**
 * Puts a backup back in place of the database: the newest by default, or the
 * one named (a path, or a file name in the backup folder). The backup is
 * checked first; the database it replaces is kept beside it, never deleted.
 * Run it with the bot stopped: a running bot keeps writing to the file it
 * opened and would not see the restored one until it restarts.
 */
export class RestoreError extends Error {
  override name = "RestoreError";
}

export interface RestoreResult {
  backup: string;
  takenAt?: number;
  dbFile: string;
  /** Where the replaced database was moved, when there was one. */
  keptAs?: string;
  subscriptions: number;
}

function pick(backupDir: string, wanted: string | undefined): BackupFile | { path: string; name: string } {
  if (wanted) {
    const path = isAbsolute(wanted) || wanted.includes("/") ? resolve(wanted) : join(backupDir, wanted);
    if (!existsSync(path)) throw new RestoreError(`${path} does not exist (the backups are in ${backupDir})`);
    return listBackups(backupDir).find((b) => resolve(b.path) === path) ?? { path, name: basename(path) };
  }
  const newest = listBackups(backupDir)[0];
  if (!newest) throw new RestoreError(`no backup in ${backupDir}: nothing to restore`);
  return newest;
}

function countSubscriptions(file: string): number {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM subscriptions WHERE active = 1").get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

export function restoreBackup(options: { dbFile: string; backupDir: string; file?: string; now: number }): RestoreResult {
  const { dbFile, backupDir, now } = options;
  const chosen = pick(backupDir, options.file);
  const problem = integrityProblem(chosen.path);
  if (problem) throw new RestoreError(`${chosen.path} is not a usable backup (${problem})`);
  let keptAs: string | undefined;
  if (existsSync(dbFile)) {
    keptAs = `${dbFile}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, keptAs + suffix);
  } else {
    // A stale write-ahead log beside a missing file would be replayed onto the restored one.
    for (const suffix of ["-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  }
  const temp = `${dbFile}.restoring`;
  copyFileSync(chosen.path, temp);
  renameSync(temp, dbFile);
  return {
    backup: chosen.path,
    ...("takenAt" in chosen ? { takenAt: chosen.takenAt } : {}),
    dbFile,
    ...(keptAs ? { keptAs } : {}),
    subscriptions: countSubscriptions(dbFile),
  };
}
