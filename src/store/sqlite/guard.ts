import { join } from "node:path";
import type { Config } from "../../config.js";
import type { Logger } from "../../core/log.js";
import { backupDirOf } from "./backupDir.js";
import { BackupSchedule } from "./backups.js";
import { DatabaseStartError, prepareSqliteDatabase } from "./startupCheck.js";
import { DATABASE_FILE } from "./store.js";

/**
 * The SQLite side of opening the store, kept out of the store itself: the
 * start-up check (a missing or damaged file stops the bot), the backup before
 * a migration, and the 6-hourly online backups while the bot runs.
 */
export async function guardSqliteDatabase(
  config: Pick<Config, "DATA_DIR"> & Partial<Pick<Config, "BACKUP_DIR" | "KABAR_FRESH_DATABASE">>,
  logger?: Logger,
  now: () => number = Date.now,
): Promise<BackupSchedule> {
  const dbFile = join(config.DATA_DIR, DATABASE_FILE);
  const dir = backupDirOf(config);
  const log = logger?.child({ part: "store" });
  const prepared = await prepareSqliteDatabase({ dbFile, backupDir: dir, fresh: config.KABAR_FRESH_DATABASE ?? false, now: now() });
  if (prepared.outcome === "fresh") log?.warn({ keptAside: prepared.path }, "starting with an empty database on purpose (--fresh-database)");
  if (prepared.outcome === "migrating") log?.info({ backup: prepared.path }, "database backed up before migrating");
  const schedule = new BackupSchedule({
    dbFile,
    dir,
    now,
    onBackup: (path) => log?.info({ backup: path }, "database backed up"),
    onError: (err) => log?.error({ err }, "database backup failed"),
  });
  // A database that was there before this start is backed up at once when no backup is recent (awaited: a short
  // run, such as piped console input, must not exit half-way through it); a new one waits for the timer.
  if (prepared.outcome === "ok" && schedule.due()) await schedule.runOnce();
  schedule.start({ backupNow: false });
  return schedule;
}

export { DatabaseStartError };
