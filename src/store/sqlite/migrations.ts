import type Database from "better-sqlite3";

/**
 * Schema versions, applied in order at open. `PRAGMA user_version` records the
 * last applied one; each step runs in one IMMEDIATE transaction, so two
 * processes starting together on one file migrate once. Never edit a shipped
 * step: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "subscriptions and delivery ledger",
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL CHECK (platform IN ('telegram', 'discord', 'console')),
        chat_id TEXT NOT NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        time_zone TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        mode TEXT NOT NULL CHECK (mode IN ('new', 'always')),
        created_by TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        schedule_set_at INTEGER NOT NULL,
        UNIQUE (platform, chat_id)
      );
      CREATE INDEX subscriptions_active ON subscriptions (active);

      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'empty', 'skipped', 'failed')),
        owner TEXT,
        lease_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        article_ids TEXT NOT NULL DEFAULT '[]',
        note TEXT,
        updated_at INTEGER NOT NULL,
        -- The exactly-once guarantee: one row, hence one claim, per subscription and slot.
        UNIQUE (subscription_id, slot)
      );
      CREATE INDEX deliveries_claimed ON deliveries (status, lease_until) WHERE status = 'claimed';

      CREATE TABLE received_articles (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        PRIMARY KEY (subscription_id, article_id)
      );
    `,
  },
  {
    version: 2,
    name: "feed items, chat languages, store probe",
    sql: `
      -- One row per imported feed item, so a restart (or a second instance) never imports it twice.
      CREATE TABLE feed_items (
        feed_url TEXT NOT NULL,
        item_key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        PRIMARY KEY (feed_url, item_key)
      );

      -- A chat's /lang choice; no row = auto.
      CREATE TABLE chat_langs (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, chat_id)
      );

      -- ping() writes its one row here: a read proves little when the disk has gone read-only.
      CREATE TABLE store_probe (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        at INTEGER NOT NULL
      );
    `,
  },
];

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  for (const step of migrations) {
    const apply = db.transaction(() => {
      const current = db.pragma("user_version", { simple: true }) as number;
      if (current >= step.version) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    });
    apply.immediate();
  }
  return db.pragma("user_version", { simple: true }) as number;
}
