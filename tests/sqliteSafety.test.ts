import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { BACKUP_INTERVAL_MS, BackupSchedule, backupDatabase, listBackups } from "../src/store/sqlite/backups.js";
import { migrate, MIGRATIONS } from "../src/store/sqlite/migrations.js";
import { restoreBackup } from "../src/store/sqlite/restore.js";
import { DatabaseStartError, prepareSqliteDatabase } from "../src/store/sqlite/startupCheck.js";
import { DATABASE_FILE, SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { runScript } from "./helpers/spawn.js";

/**
 * Storage faults never pass silently: online backups, a database gone or
 * damaged at start stops the bot with one line, db:restore puts one back.
 */
const T0 = Date.parse("2026-12-01T06:00:00Z");

async function dataDirWithSubscriptions(n: number): Promise<{ dir: string; dbFile: string; backups: string }> {
  const dir = mkdtempSync(join(tmpdir(), "kabar-sqlite-"));
  const store = SqliteSubscriptionStore.openInDir(dir);
  for (let i = 0; i < n; i++) {
    await store.subscribe({ platform: "telegram", chatId: String(1000 + i), time: "07:00", timeZone: "Asia/Jakarta", lang: "id", mode: "new" }, T0);
  }
  await store.close();
  return { dir, dbFile: join(dir, DATABASE_FILE), backups: join(dir, "backups") };
}

function activeCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM subscriptions WHERE active = 1").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("online backups", () => {
  it("GIVEN a database with 3 subscriptions THEN a backup holds all 3, named by its time", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(3);
    const path = await backupDatabase(dbFile, backups, T0);
    expect(path).toBe(join(backups, "kabar-2026-12-01T06-00-00-000Z.db"));
    expect(activeCount(path)).toBe(3);
  });

  it("GIVEN ten backups THEN the newest 7 are kept", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(1);
    for (let i = 0; i < 10; i++) await backupDatabase(dbFile, backups, T0 + i * BACKUP_INTERVAL_MS);
    const kept = listBackups(backups);
    expect(kept).toHaveLength(7);
    expect(kept[0]!.takenAt).toBe(T0 + 9 * BACKUP_INTERVAL_MS);
    expect(kept[6]!.takenAt).toBe(T0 + 3 * BACKUP_INTERVAL_MS);
  });

  it("GIVEN the schedule THEN one backup at start when none is recent, then one each time the 6-hour timer fires", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(2);
    let now = T0;
    let fire: (() => void) | undefined;
    let everyMs = 0;
    const done: string[] = [];
    const schedule = new BackupSchedule({
      dbFile,
      dir: backups,
      now: () => now,
      every: (ms, run) => ((everyMs = ms), (fire = run), { stop: () => undefined }),
      onBackup: (p) => done.push(p),
    });
    schedule.start();
    await schedule.stop();
    expect(everyMs).toBe(6 * 60 * 60 * 1000);
    expect(done).toHaveLength(1);
    now += BACKUP_INTERVAL_MS;
    fire!();
    await schedule.stop();
    expect(done).toHaveLength(2);
    expect(listBackups(backups).map((b) => b.takenAt)).toEqual([T0 + BACKUP_INTERVAL_MS, T0]);
  });

  it("GIVEN a backup failing (the database gone) THEN it is reported, not thrown", async () => {
    const errors: unknown[] = [];
    const schedule = new BackupSchedule({ dbFile: "/nonexistent/kabar.db", dir: mkdtempSync(join(tmpdir(), "kabar-b-")), onError: (e) => errors.push(e) });
    expect(await schedule.runOnce()).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe("the database at start", () => {
  it("GIVEN kabar.db deleted while backups exist THEN start is refused naming the newest backup and the restore command", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(2);
    await backupDatabase(dbFile, backups, T0);
    const newest = await backupDatabase(dbFile, backups, T0 + 1000);
    (await import("node:fs")).rmSync(dbFile);
    const error = await prepareSqliteDatabase({ dbFile, backupDir: backups, fresh: false, now: T0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toBe(
      `${dbFile} is missing, but backups exist. Newest backup: ${newest} (taken 2026-12-01T06:00:01Z); put it back with \`npm run db:restore\`, or start with an empty database on purpose with \`npm start -- --fresh-database\`.`,
    );
  });

  it("GIVEN the same with fresh THEN the bot may start empty", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(1);
    await backupDatabase(dbFile, backups, T0);
    (await import("node:fs")).rmSync(dbFile);
    expect(await prepareSqliteDatabase({ dbFile, backupDir: backups, fresh: true, now: T0 })).toEqual({ outcome: "fresh" });
  });

  it("GIVEN a damaged file THEN quick_check refuses it; with fresh it is kept aside and the start is empty", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(1);
    await backupDatabase(dbFile, backups, T0);
    const bytes = Buffer.alloc(8192, 0x5a);
    writeFileSync(dbFile, bytes);
    await expect(prepareSqliteDatabase({ dbFile, backupDir: backups, fresh: false, now: T0 })).rejects.toThrow(
      /kabar\.db fails its integrity check \(file is not a database\)\. Newest backup: .*kabar-2026-12-01T06-00-00-000Z\.db/,
    );
    const fresh = await prepareSqliteDatabase({ dbFile, backupDir: backups, fresh: true, now: T0 });
    expect(fresh.outcome).toBe("fresh");
    expect(existsSync(fresh.path!)).toBe(true);
    expect(existsSync(dbFile)).toBe(false);
  });

  it("GIVEN a database at an older schema version THEN a backup is taken before migrating", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-old-"));
    const dbFile = join(dir, DATABASE_FILE);
    const db = new Database(dbFile);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.close();
    const prepared = await prepareSqliteDatabase({ dbFile, backupDir: join(dir, "backups"), fresh: false, now: T0 });
    expect(prepared.outcome).toBe("migrating");
    const backup = new Database(prepared.path!, { readonly: true });
    expect(backup.pragma("user_version", { simple: true })).toBe(1);
    backup.close();
  });
});

describe("db:restore", () => {
  it("GIVEN backups THEN the newest goes back in place and the replaced file is kept", async () => {
    const { dbFile, backups } = await dataDirWithSubscriptions(3);
    await backupDatabase(dbFile, backups, T0);
    writeFileSync(dbFile, Buffer.alloc(4096, 1));
    const r = restoreBackup({ dbFile, backupDir: backups, now: T0 + 5000 });
    expect(r.subscriptions).toBe(3);
    expect(activeCount(dbFile)).toBe(3);
    expect(existsSync(r.keptAs!)).toBe(true);
  });

  it("GIVEN npm start after kabar.db was deleted THEN one line naming the backup and exit 1; db:restore puts it back; then it starts", async () => {
    const { dir, dbFile, backups } = await dataDirWithSubscriptions(2);
    await backupDatabase(dbFile, backups, T0);
    (await import("node:fs")).rmSync(dbFile);
    const refused = await runScript("src/main.ts", [], { env: { DATA_DIR: dir }, input: "halo\n" });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/kabar\.db is missing, but backups exist\. Newest backup: .*kabar-2026-12-01T06-00-00-000Z\.db.*npm run db:restore/);
    const restored = await runScript("src/store/sqlite/restoreCli.ts", [], { env: { DATA_DIR: dir } });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .*kabar-2026-12-01T06-00-00-000Z\.db \(taken 2026-12-01T06:00:00Z\) to .*kabar\.db: 2 active subscription\(s\)\.\nStart the bot again: npm start\n$/);
    const started = await runScript("src/main.ts", [], { env: { DATA_DIR: dir }, input: "/source\n" });
    expect(started.code).toBe(0);
    expect(activeCount(dbFile)).toBe(2);
  }, 60_000);

  it("GIVEN a database from an earlier run and no backup THEN even a short piped start takes one before it answers", async () => {
    const { dir, backups } = await dataDirWithSubscriptions(2);
    const started = await runScript("src/main.ts", [], { env: { DATA_DIR: dir }, input: "/source\n" });
    expect(started.code).toBe(0);
    expect(listBackups(backups)).toHaveLength(1);
    expect(activeCount(listBackups(backups)[0]!.path)).toBe(2);
  }, 30_000);

  it("GIVEN --fresh-database THEN npm start begins empty on purpose", async () => {
    const { dir, dbFile, backups } = await dataDirWithSubscriptions(1);
    await backupDatabase(dbFile, backups, T0);
    (await import("node:fs")).rmSync(dbFile);
    const started = await runScript("src/main.ts", ["--fresh-database"], { env: { DATA_DIR: dir }, input: "/source\n" });
    expect(started.code).toBe(0);
    expect(activeCount(dbFile)).toBe(0);
    expect(readdirSync(backups).length).toBeGreaterThan(0);
    mkdirSync(join(dir, "x"), { recursive: true });
  }, 30_000);
});
