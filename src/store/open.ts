import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { type Leadership, LocalLeadership } from "./leadership.js";
import { guardSqliteDatabase } from "./sqlite/guard.js";
import { SqliteSubscriptionStore } from "./sqlite/store.js";
import type { SubscriptionStore } from "./types.js";

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set
 * (several instances, one bot: leadership by advisory locks), otherwise the
 * SQLite file in DATA_DIR (one instance, which leads everything).
 */
export interface OpenedStore {
  store: SubscriptionStore;
  leadership: Leadership;
  /** For the start line: "PostgreSQL postgres://kabar:***@db/kabar" or "SQLite data/kabar.db". */
  description: string;
}

type StoreConfig = Pick<Config, "DATA_DIR" | "DATABASE_URL"> & Partial<Pick<Config, "BACKUP_DIR" | "KABAR_FRESH_DATABASE">>;

export async function openStore(config: StoreConfig, logger?: Logger): Promise<OpenedStore> {
  if (!config.DATABASE_URL) {
    // Refuses a database gone or damaged (one line, exit 1), backs up before migrating, then every 6 hours.
    await guardSqliteDatabase(config, logger);
    const store = SqliteSubscriptionStore.openInDir(config.DATA_DIR);
    return { store, leadership: new LocalLeadership(), description: `SQLite ${store.file}` };
  }
  // `pg` is loaded only when a PostgreSQL database is configured.
  const [{ PostgresSubscriptionStore, redactUrl }, { PostgresLeadership }] = await Promise.all([
    import("./postgres/store.js"),
    import("./postgres/leadership.js"),
  ]);
  const url = config.DATABASE_URL;
  const log = logger?.child({ part: "store" });
  const store = await PostgresSubscriptionStore.open(url, {
    onPoolError: (err) => log?.warn({ err: err.message }, "PostgreSQL connection dropped; the next query reconnects"),
  });
  const leadership = new PostgresLeadership({
    url,
    onEvent: (e) => {
      if (e.error) log?.warn(e.error);
      else log?.info({ role: e.role }, e.leading ? "leading" : "no longer leading");
    },
  });
  return { store, leadership, description: `PostgreSQL ${redactUrl(url)}` };
}

/** For entry points: the store, or one readable line on stderr and exit 1 (the database is unreachable, not a config mistake). */
export async function openStoreOrExit(config: StoreConfig, logger?: Logger): Promise<OpenedStore> {
  try {
    return await openStore(config, logger);
  } catch (err) {
    process.stderr.write(`kabar: cannot open the database: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
