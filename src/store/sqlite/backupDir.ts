import { join } from "node:path";
import type { Config } from "../../config.js";

/** BACKUP_DIR, or DATA_DIR/backups when unset. */
export function backupDirOf(config: Pick<Config, "DATA_DIR" | "BACKUP_DIR">): string {
  return config.BACKUP_DIR ?? join(config.DATA_DIR, "backups");
}
