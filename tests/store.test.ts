import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../src/store/migrations.js";
import { DATABASE_FILE, SqliteSubscriptionStore } from "../src/store/sqlite.js";
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

const claim = (subscriptionId: number, owner: string, now = T0, lease = 60_000) => ({
  subscriptionId,
  slot: "2024-03-04",
  dueAt: T0,
  owner,
  leaseUntil: now + lease,
  now,
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

describe("SQLite store: subscriptions", () => {
  it("GIVEN a chat subscribes twice THEN it has one subscription with the new settings", async () => {
    const store = open(":memory:");
    const a = await store.subscribe(subscription("42"), T0);
    const b = await store.subscribe(subscription("42", { time: "08:15", timeZone: "Asia/Makassar", lang: "en", mode: "always" }), T0 + 1000);
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ time: "08:15", timeZone: "Asia/Makassar", lang: "en", mode: "always", active: true, scheduleSetAt: T0 + 1000 });
    expect(await store.active()).toHaveLength(1);
  });

  it("GIVEN only the language changes THEN the schedule start stays (no slot is lost or re-promised)", async () => {
    const store = open(":memory:");
    await store.subscribe(subscription("42"), T0);
    const b = await store.subscribe(subscription("42", { lang: "en" }), T0 + 5000);
    expect(b.scheduleSetAt).toBe(T0);
  });

  it("GIVEN an unsubscribed chat subscribes again THEN it is active again with no reason", async () => {
    const store = open(":memory:");
    await store.subscribe(subscription("42"), T0);
    expect(await store.unsubscribe("telegram", "42", T0)).toBe(true);
    expect(await store.get("telegram", "42")).toMatchObject({ active: false, disabledReason: "unsubscribed" });
    expect(await store.unsubscribe("telegram", "42", T0)).toBe(false);
    const again = await store.subscribe(subscription("42"), T0 + 1);
    expect(again.active).toBe(true);
    expect(again.disabledReason).toBeUndefined();
  });

  it("GIVEN the same chat id on two platforms THEN they are two subscriptions", async () => {
    const store = open(":memory:");
    await store.subscribe(subscription("42"), T0);
    await store.subscribe(subscription("42", { platform: "discord" }), T0);
    expect(await store.active()).toHaveLength(2);
  });

  it("GIVEN a chat moves to a chat id that has no subscription THEN it moves; to one that has THEN it refuses", async () => {
    const store = open(":memory:");
    const a = await store.subscribe(subscription("-1001"), T0);
    const b = await store.subscribe(subscription("-1002"), T0);
    expect(await store.moveChat(a.id, "-1003", T0)).toBe(true);
    expect((await store.getById(a.id))!.chatId).toBe("-1003");
    expect(await store.moveChat(b.id, "-1003", T0)).toBe(false);
  });
});

describe("SQLite store: delivery ledger", () => {
  it("GIVEN a slot claimed by one owner THEN a second claim of the same slot fails", async () => {
    const store = open(":memory:");
    const { id } = await store.subscribe(subscription("1"), T0);
    expect(await store.claimSlot(claim(id, "a"))).toBe(true);
    expect(await store.claimSlot(claim(id, "b"))).toBe(false);
  });

  it("GIVEN two connections to one file claiming the same slot THEN exactly one wins", async () => {
    const path = join(tempDataDir(), "k.db");
    const a = open(path);
    const b = open(path);
    const { id } = await a.subscribe(subscription("1"), T0);
    const wins = [await a.claimSlot(claim(id, "a")), await b.claimSlot(claim(id, "b"))];
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("GIVEN a claim whose lease has not run out THEN nobody can take it over; once it has THEN one owner can", async () => {
    const store = open(":memory:");
    const { id } = await store.subscribe(subscription("1"), T0);
    await store.claimSlot(claim(id, "dead", T0, 60_000));
    expect(await store.expiredClaims(T0 + 30_000)).toHaveLength(0);
    expect(await store.takeOverClaim(claim(id, "b", T0 + 30_000))).toBe(false);
    expect(await store.expiredClaims(T0 + 61_000)).toHaveLength(1);
    expect(await store.takeOverClaim(claim(id, "b", T0 + 61_000))).toBe(true);
    expect(await store.takeOverClaim(claim(id, "c", T0 + 61_000))).toBe(false);
    expect((await store.delivery(id, "2024-03-04"))!.owner).toBe("b");
  });

  it("GIVEN a claim THEN only its owner can mark it sent, and the articles count as received", async () => {
    const store = open(":memory:");
    const { id } = await store.subscribe(subscription("1"), T0);
    await store.claimSlot(claim(id, "a"));
    expect(await store.markSent(id, "2024-03-04", "b", ["x"], T0)).toBe(false);
    expect(await store.markSent(id, "2024-03-04", "a", ["x", "y"], T0)).toBe(true);
    expect(await store.markSent(id, "2024-03-04", "a", ["x"], T0)).toBe(false);
    expect([...(await store.receivedArticles(id))].sort()).toEqual(["x", "y"]);
    expect(await store.lastSent(id)).toMatchObject({ status: "sent", articleIds: ["x", "y"] });
  });

  it("GIVEN a slot already recorded THEN recordSkipped does not overwrite it", async () => {
    const store = open(":memory:");
    const { id } = await store.subscribe(subscription("1"), T0);
    await store.claimSlot(claim(id, "a"));
    expect(await store.recordSkipped(id, "2024-03-04", T0, "missed", T0)).toBe(false);
    expect((await store.delivery(id, "2024-03-04"))!.status).toBe("claimed");
  });
});
