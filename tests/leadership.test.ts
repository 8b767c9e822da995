import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type Leadership, LocalLeadership, type Role } from "../src/store/leadership.js";
import { PostgresLeadership } from "../src/store/postgres/leadership.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";

notePostgresSkipped();
const opened: Leadership[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

function instance(url: string): PostgresLeadership {
  // Checks every 50 ms so a takeover is quick in a test; production checks every 2 s.
  const leadership = new PostgresLeadership({ url, checkMs: 50 });
  opened.push(leadership);
  return leadership;
}

/** Resolves when the role's `leading` becomes `to` (event-driven, no polling by the test). */
function becomes(role: Role, to: boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = role.onChange((leading) => {
      if (leading === to) {
        queueMicrotask(() => off());
        resolve();
      }
    });
    if (role.leading === to) resolve();
  });
}

describe("leadership on one instance (SQLite)", () => {
  it("GIVEN a role acquired THEN this instance leads it at once and listeners hear so", () => {
    const leadership = new LocalLeadership();
    const role = leadership.acquire("digest");
    const heard: boolean[] = [];
    role.onChange((l) => heard.push(l));
    expect(role.leading).toBe(true);
    expect(heard).toEqual([true]);
  });

  it("GIVEN the role is released THEN listeners hear it is lost", async () => {
    const role = new LocalLeadership().acquire("feeds");
    const heard: boolean[] = [];
    role.onChange((l) => heard.push(l));
    await role.release();
    expect(heard).toEqual([true, false]);
  });
});

describe.skipIf(!postgresUrl)("leadership on PostgreSQL", () => {
  it("GIVEN three instances campaigning for one role THEN exactly one leads", async () => {
    const url = await freshPostgresDatabase();
    const roles = [instance(url), instance(url), instance(url)].map((l) => l.acquire("digest"));
    await Promise.race(roles.map((r) => becomes(r, true)));
    // Let every instance try a few more rounds: still one.
    await Promise.all(opened.map((l) => (l as PostgresLeadership).check()));
    await Promise.all(opened.map((l) => (l as PostgresLeadership).check()));
    expect(roles.filter((r) => r.leading)).toHaveLength(1);
  });

  it("GIVEN two roles THEN they are decided independently", async () => {
    const url = await freshPostgresDatabase();
    const a = instance(url);
    const b = instance(url);
    const digest = a.acquire("digest");
    await becomes(digest, true);
    const telegram = b.acquire("telegram");
    await becomes(telegram, true);
    expect(digest.leading && telegram.leading).toBe(true);
  });

  it("GIVEN the leader releases the role THEN a standby takes it over", async () => {
    const url = await freshPostgresDatabase();
    const first = instance(url).acquire("digest");
    await becomes(first, true);
    const second = instance(url).acquire("digest");
    await (opened[1] as PostgresLeadership).check();
    expect(second.leading).toBe(false);
    await first.release();
    await becomes(second, true);
    expect(first.leading).toBe(false);
  });

  it("GIVEN the leader's database connection is killed THEN it steps down and the role is led again by exactly one instance", async () => {
    const url = await freshPostgresDatabase();
    const leader = instance(url);
    const first = leader.acquire("digest");
    await becomes(first, true);
    const second = instance(url).acquire("digest");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // The backend holding the advisory lock is the leader's leadership connection.
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    expect(rows).toEqual([{ killed: true }]);
    await admin.end();
    await becomes(first, false);
    // Whoever is faster takes it: the standby, or the old leader once reconnected.
    await Promise.race([becomes(first, true), becomes(second, true)]);
    await Promise.all(opened.map((l) => (l as PostgresLeadership).check()));
    expect([first.leading, second.leading].filter(Boolean)).toHaveLength(1);
  });
});
