import { existsSync, renameSync } from "node:fs";
import Database from "better-sqlite3";
import { backupDatabase, type BackupFile, backupName, newestBackup } from "./backups.js";
import { MIGRATIONS } from "./migrations.js";

/**
 * What the SQLite file must be before the bot trusts it. A database that is
 * gone while backups exist was deleted or lost, not never created: starting
 * empty would silently drop every subscription. A database that fails
 * `PRAGMA quick_check` would let the bot answer chat while every digest
 * fails. Both stop the start with one line naming the newest backup and the
 * restore command; `--fresh-database` (KABAR_FRESH_DATABASE=true) is the
 * deliberate way to start empty instead.
 */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export const RESTORE_COMMAND = "npm run db:restore";
export const FRESH_FLAG = "--fresh-database";

/** Undefined when the file passes quick_check, else the first problem SQLite reports. */
export function integrityProblem(dbFile: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbFile, { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    const rows = db.pragma("quick_check") as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? "no answer";
    return first === "ok" ? undefined : `${first}${rows.length > 1 ? ` (and ${rows.length - 1} more)` : ""}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

function describeBackup(b: BackupFile): string {
  return `${b.path} (taken ${new Date(b.takenAt).toISOString().replace(/\.\d+Z$/, "Z")})`;
}

export interface PreparedDatabase {
  /** What happened, for one log line: "ok", "new", "fresh start", "backed up before migrating". */
  outcome: "ok" | "new" | "fresh" | "migrating";
  /** The pre-migration backup, or where a damaged file was put aside. */
  path?: string;
}

/**
 * Runs before the store opens the file. Throws DatabaseStartError (one line)
 * when the bot must not start; with `fresh`, a damaged file is moved aside
 * (kept, never deleted) and the bot starts empty.
 */
export async function prepareSqliteDatabase(options: {
  dbFile: string;
  backupDir: string;
  fresh: boolean;
  now: number;
}): Promise<PreparedDatabase> {
  const { dbFile, backupDir, fresh, now } = options;
  const newest = newestBackup(backupDir);
  const choices = (what: string) =>
    newest
      ? `Newest backup: ${describeBackup(newest)}; put it back with \`${RESTORE_COMMAND}\`, or ${what} with \`npm start -- ${FRESH_FLAG}\`.`
      : `No backup exists in ${backupDir}; ${what} with \`npm start -- ${FRESH_FLAG}\`.`;

  if (!existsSync(dbFile)) {
    if (newest && !fresh) {
      throw new DatabaseStartError(`${dbFile} is missing, but backups exist. ${choices("start with an empty database on purpose")}`);
    }
    return { outcome: newest ? "fresh" : "new" };
  }

  const problem = integrityProblem(dbFile);
  if (problem) {
    if (!fresh) {
      throw new DatabaseStartError(`${dbFile} fails its integrity check (${problem}). ${choices("start empty (the damaged file is kept aside)")}`);
    }
    const aside = `${dbFile}.damaged-${backupName(now).replace(/^kabar-|\.db$/g, "")}`;
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, aside + suffix);
    return { outcome: "fresh", path: aside };
  }

  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const version = schemaVersion(dbFile);
  if (version > 0 && version < latest) {
    // Before each migration, a copy of what the data was: a migration is the one change we cannot take back.
    const path = await backupDatabase(dbFile, backupDir, now, `before-v${latest}`);
    return { outcome: "migrating", path };
  }
  return { outcome: "ok" };
}

function schemaVersion(dbFile: string): number {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    return db.pragma("user_version", { simple: true }) as number;
  } finally {
    db.close();
  }
}
