import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * Online backups of the SQLite database with SQLite's backup API
 * (better-sqlite3 `db.backup()`, https://www.sqlite.org/backup.html): a
 * consistent copy taken while the bot keeps reading and writing. Each goes
 * to a `.partial` file renamed into place when complete, so a crash mid-copy
 * never leaves a backup that looks whole. Only the newest BACKUP_KEEP stay.
 */
export const BACKUP_KEEP = 7;
export const BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** kabar-2026-12-01T15-40-00-123Z.db, or with a label: kabar-...Z-before-v3.db. Sorting the names sorts by time. */
const BACKUP_NAME = /^kabar-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-[a-z0-9-]+)?\.db$/;

export interface BackupFile {
  name: string;
  path: string;
  takenAt: number;
}

export function backupName(now: number, label?: string): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, "-");
  return `kabar-${stamp}${label ? `-${label}` : ""}.db`;
}

/** The backups in `dir`, newest first; none when the folder does not exist. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const takenAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    out.push({ name, path: join(dir, name), takenAt });
  }
  return out.sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

export function newestBackup(dir: string): BackupFile | undefined {
  return listBackups(dir)[0];
}

/** Deletes all but the newest `keep` backups, and copies a crash left half-written. */
export function pruneBackups(dir: string, keep = BACKUP_KEEP): string[] {
  const removed = listBackups(dir).slice(keep).map((b) => b.path);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) if (name.endsWith(".db.partial")) removed.push(join(dir, name));
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/**
 * Copies the database at `dbFile` into `dir` through a connection of its
 * own (so it works beside the store's, and before the store opens), then
 * prunes. Returns the backup's path.
 */
export async function backupDatabase(dbFile: string, dir: string, now: number, label?: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, backupName(now, label));
  const partial = `${target}.partial`;
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial);
  } finally {
    db.close();
  }
  renameSync(partial, target);
  pruneBackups(dir);
  return target;
}

/**
 * A backup every `intervalMs` while the bot runs, plus one at start when the
 * newest is already older than that (a bot restarted more often than every
 * six hours would otherwise never take one). Failures are reported, never
 * thrown: a failed backup must not stop the bot, but must not pass silently either.
 */
export interface BackupScheduleOptions {
  dbFile: string;
  dir: string;
  now?: () => number;
  intervalMs?: number;
  onBackup?: (path: string) => void;
  onError?: (err: unknown) => void;
  /** Starts the repeating timer; setInterval (unref'd) unless a test drives `runOnce` itself. */
  every?: (ms: number, run: () => void) => { stop(): void };
}

function unrefInterval(ms: number, run: () => void): { stop(): void } {
  const timer = setInterval(run, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export class BackupSchedule {
  private timer?: { stop(): void };
  private running?: Promise<string | undefined>;

  constructor(private readonly options: BackupScheduleOptions) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? BACKUP_INTERVAL_MS;
  }

  /** Whether the newest backup is older than the interval (or there is none). */
  due(): boolean {
    const newest = newestBackup(this.options.dir);
    return !newest || this.now - newest.takenAt >= this.intervalMs;
  }

  /** One backup now; resolves with its path, or undefined when it failed (reported to onError). */
  runOnce(): Promise<string | undefined> {
    // Never two at once: a slow copy of a big file is not doubled by the next tick.
    this.running ??= backupDatabase(this.options.dbFile, this.options.dir, this.now)
      .then(
        (path) => (this.options.onBackup?.(path), path),
        (err: unknown) => (this.options.onError?.(err), undefined),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  start(options: { backupNow?: boolean } = {}): void {
    if (this.timer) return;
    if ((options.backupNow ?? true) && existsSync(this.options.dbFile) && this.due()) void this.runOnce();
    this.timer = (this.options.every ?? unrefInterval)(this.intervalMs, () => void this.runOnce());
  }

  async stop(): Promise<void> {
    this.timer?.stop();
    this.timer = undefined;
    await this.running;
  }
}
