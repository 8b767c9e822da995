import { join } from "node:path";
import { loadConfigOrExit } from "../../config.js";
import { backupDirOf } from "./backupDir.js";
import { RestoreError, restoreBackup } from "./restore.js";
import { DATABASE_FILE } from "./store.js";

/**
 * `npm run db:restore [file]`: the newest backup (or the one named) back in
 * place of DATA_DIR/kabar.db. Clear lines on stdout; a problem is one line on
 * stderr and exit 1.
 */
const config = loadConfigOrExit();
if (config.DATABASE_URL) {
  process.stderr.write("db:restore restores the SQLite database; with DATABASE_URL set, restore PostgreSQL with its own tools (pg_restore).\n");
  process.exit(2);
}
const dbFile = join(config.DATA_DIR, DATABASE_FILE);
const backupDir = backupDirOf(config);
try {
  const r = restoreBackup({ dbFile, backupDir, file: process.argv[2], now: Date.now() });
  const taken = r.takenAt ? ` (taken ${new Date(r.takenAt).toISOString().replace(/\.\d+Z$/, "Z")})` : "";
  process.stdout.write(`Restored ${r.backup}${taken} to ${r.dbFile}: ${r.subscriptions} active subscription(s).\n`);
  if (r.keptAs) process.stdout.write(`The database it replaced is kept as ${r.keptAs}.\n`);
  process.stdout.write("Start the bot again: npm start\n");
} catch (err) {
  if (!(err instanceof RestoreError)) throw err;
  process.stderr.write(`db:restore: ${err.message}\n`);
  process.exit(1);
}
