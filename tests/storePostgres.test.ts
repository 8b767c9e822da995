import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { PG_MIGRATIONS } from "../src/store/postgres/migrations.js";
import { PostgresSubscriptionStore, redactUrl } from "../src/store/postgres/store.js";
import { freePort } from "./peers/telegramPeer.js";
import { subscription } from "./helpers/digest.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";

notePostgresSkipped();
const opened: PostgresSubscriptionStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function open(url: string): Promise<PostgresSubscriptionStore> {
  const store = await PostgresSubscriptionStore.open(url, { max: 2 });
  opened.push(store);
  return store;
}

describe.skipIf(!postgresUrl)("PostgreSQL store: opening", () => {
  it("GIVEN three instances opening a new database at the same moment THEN each migration is applied exactly once", async () => {
    const url = await freshPostgresDatabase();
    const stores = await Promise.all([open(url), open(url), open(url)]);
    for (const store of stores) expect(await store.schemaVersion()).toBe(PG_MIGRATIONS.at(-1)!.version);
    const { rows } = await stores[0]!.pool.query<{ version: number }>("SELECT version FROM kabar_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it("GIVEN a database migrated by an older version THEN only the new step runs and the data stays", async () => {
    const url = await freshPostgresDatabase();
    const first = await open(url);
    await first.subscribe(subscription("1"), 1);
    await first.pool.query("DROP TABLE feed_items, chat_langs, store_probe; DELETE FROM kabar_migrations WHERE version = 2");
    const again = await open(url);
    expect(await again.schemaVersion()).toBe(2);
    expect(await again.get("telegram", "1")).toBeDefined();
    expect(await again.recordFeedItem("https://a.test/rss", "1", "a", 1)).toBe(true);
  });

  it("GIVEN a URL where no server listens THEN opening fails with one line naming the server, password hidden", async () => {
    const url = `postgres://kabar:s3cret@127.0.0.1:${await freePort()}/kabar`;
    const err = await PostgresSubscriptionStore.open(url).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^PostgreSQL at postgres:\/\/kabar:\*\*\*@127\.0\.0\.1:\d+\/kabar: .*ECONNREFUSED/);
    expect((err as Error).message).not.toContain("s3cret");
    expect((err as Error).message).not.toContain("\n");
  });

  it("GIVEN a URL with a password THEN the redacted form hides it", () => {
    expect(redactUrl("postgres://u:pw@h:5432/d")).toBe("postgres://u:***@h:5432/d");
  });
});

describe.skipIf(!postgresUrl)("PostgreSQL store: ping", () => {
  it("GIVEN the store's connections are killed by the server THEN ping reconnects and succeeds", async () => {
    const url = await freshPostgresDatabase();
    const store = await open(url);
    await store.ping();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const dropped = new Promise((resolve) => store.pool.once("remove", resolve));
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [new URL(url).pathname.slice(1)]);
    await admin.end();
    // The pool drops the dead idle connection (its error event) and opens a new one.
    await dropped;
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("GIVEN the database is made read-only THEN ping says it is not writable", async () => {
    const url = await freshPostgresDatabase();
    const store = await open(url);
    const name = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    const dropped = new Promise((resolve) => store.pool.once("remove", resolve));
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    await admin.end();
    await dropped;
    await expect(store.ping()).rejects.toThrow(/not reachable or not writable: .*read-only transaction/);
  });
});
