import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../src/store/sqlite/migrations.js";
import { DATABASE_FILE, SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { subscription, tempDataDir } from "./helpers/digest.js";

const T0 = Date.UTC(2024, 2, 4, 0, 0);
const opened: SqliteSubscriptionStore[] = [];
function open(path: string): SqliteSubscriptionStore {
  const store = new SqliteSubscriptionStore(path);
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe("SQLite store: opening", () => {
  it("GIVEN a DATA_DIR that does not exist THEN it is created with the database in WAL mode", () => {
    const dir = join(tempDataDir(), "nested", "data");
    const store = SqliteSubscriptionStore.openInDir(dir);
    opened.push(store);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("GIVEN a new database THEN every migration is applied once and the version recorded", async () => {
    const path = join(tempDataDir(), "k.db");
    const first = open(path);
    expect(first.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    await first.subscribe(subscription("1"), T0);
    await first.close();
    // Re-opening must not re-run the steps (that would fail on CREATE TABLE and lose nothing only by luck).
    const again = open(path);
    expect(again.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(await again.get("telegram", "1")).toBeDefined();
  });

  it("GIVEN a newer migration in code THEN only that step runs on an existing database", () => {
    const db = new Database(":memory:");
    migrate(db);
    const next = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: "test", sql: "ALTER TABLE subscriptions ADD COLUMN note TEXT;" }];
    expect(migrate(db, next)).toBe(MIGRATIONS.length + 1);
    expect(migrate(db, next)).toBe(MIGRATIONS.length + 1);
    db.close();
  });
});

describe("SQLite store: ping", () => {
  it("GIVEN the database file is deleted while open THEN ping names the vanished file", async () => {
    const dir = tempDataDir();
    const store = open(join(dir, DATABASE_FILE));
    await store.ping();
    rmSync(join(dir, DATABASE_FILE));
    await expect(store.ping()).rejects.toThrow(`database file ${join(dir, DATABASE_FILE)} is gone`);
  });

  it("GIVEN the database file is replaced by another while open THEN ping says so", async () => {
    const dir = tempDataDir();
    const path = join(dir, DATABASE_FILE);
    const store = open(path);
    rmSync(path);
    writeFileSync(path, "");
    await expect(store.ping()).rejects.toThrow("was replaced while open");
  });
});
