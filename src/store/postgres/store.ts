import pg from "pg";
import type { Lang } from "../../core/lang.js";
import { type DeliveryRow, type SubscriptionRow, toDelivery, toSubscription } from "../rows.js";
import { type Claim, type Delivery, type PlatformName, type SlotKey, type Subscription, type SubscriptionInput, type SubscriptionStore, slotKeyString } from "../types.js";
import { migratePostgres, schemaVersion } from "./migrations.js";

// Stryker disable all: of this file only the claim logic is under mutation testing (marked below).
/**
 * BIGINT columns hold epoch milliseconds, far inside Number's exact range:
 * read them as numbers, not the strings pg returns by default (set per pool,
 * not globally, so nobody else's pg client changes).
 */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresStoreOptions {
  /** Connections in the pool; the fan-out runs 16 deliveries at once, each one query at a time. */
  max?: number;
  /** Where an idle connection's error goes (a server restart); the next query reconnects. */
  onPoolError?: (err: Error) => void;
}

/**
 * The SubscriptionStore on PostgreSQL, for several instances on one database.
 * Every method is one statement (or one transaction), and the claim rules are
 * the same conditional INSERT / UPDATEs as SQLite's: the primary key on
 * (subscription, slot) decides who claims, `owner` and `lease_until` who may
 * renew, take over or close.
 */
export class PostgresSubscriptionStore implements SubscriptionStore {
  private closed = false;

  private constructor(readonly pool: pg.Pool) {}

  /** Connects, migrates (once, under an advisory lock) and returns the store; throws a readable reason when unreachable. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresSubscriptionStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 20,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: "kabar",
      types,
    });
    // Without a listener an idle connection dropped by the server would crash the process.
    pool.on("error", (err) => options.onPoolError?.(err));
    try {
      await migratePostgres(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at ${redactUrl(url)}: ${describePgError(err)}`);
    }
    return new PostgresSubscriptionStore(pool);
  }

  schemaVersion(): Promise<number> {
    return schemaVersion(this.pool);
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params)).rows;
  }

  private async changed(sql: string, params: unknown[]): Promise<boolean> {
    return ((await this.pool.query(sql, params)).rowCount ?? 0) === 1;
  }

  async subscribe(input: SubscriptionInput, now: number): Promise<Subscription> {
    // One statement: insert, or update in place; a changed schedule (or a re-activation) promises only slots from now on.
    const rows = await this.rows<SubscriptionRow>(
      `INSERT INTO subscriptions AS s (platform, chat_id, time, time_zone, lang, mode, created_by, active, created_at, updated_at, schedule_set_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $8, $8)
       ON CONFLICT (platform, chat_id) DO UPDATE SET
         time = EXCLUDED.time, time_zone = EXCLUDED.time_zone, lang = EXCLUDED.lang, mode = EXCLUDED.mode,
         created_by = COALESCE(EXCLUDED.created_by, s.created_by), active = TRUE, disabled_reason = NULL, updated_at = EXCLUDED.updated_at,
         schedule_set_at = CASE WHEN NOT s.active OR s.time <> EXCLUDED.time OR s.time_zone <> EXCLUDED.time_zone
                                THEN EXCLUDED.schedule_set_at ELSE s.schedule_set_at END
       RETURNING *`,
      [input.platform, input.chatId, input.time, input.timeZone, input.lang, input.mode, input.createdBy ?? null, now],
    );
    return toSubscription(rows[0]!);
  }

  unsubscribe(platform: PlatformName, chatId: string, now: number): Promise<boolean> {
    return this.changed(
      "UPDATE subscriptions SET active = FALSE, disabled_reason = 'unsubscribed', updated_at = $1 WHERE platform = $2 AND chat_id = $3 AND active",
      [now, platform, chatId],
    );
  }

  async get(platform: PlatformName, chatId: string): Promise<Subscription | undefined> {
    const [row] = await this.rows<SubscriptionRow>("SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2", [platform, chatId]);
    return row ? toSubscription(row) : undefined;
  }

  async getById(id: number): Promise<Subscription | undefined> {
    const [row] = await this.rows<SubscriptionRow>("SELECT * FROM subscriptions WHERE id = $1", [id]);
    return row ? toSubscription(row) : undefined;
  }

  async active(): Promise<Subscription[]> {
    return (await this.rows<SubscriptionRow>("SELECT * FROM subscriptions WHERE active ORDER BY id")).map(toSubscription);
  }

  async disable(id: number, reason: string, now: number): Promise<void> {
    await this.pool.query("UPDATE subscriptions SET active = FALSE, disabled_reason = $1, updated_at = $2 WHERE id = $3", [reason, now, id]);
  }

  async moveChat(id: number, newChatId: string, now: number): Promise<boolean> {
    try {
      return await this.changed("UPDATE subscriptions SET chat_id = $1, updated_at = $2 WHERE id = $3", [newChatId, now, id]);
    } catch (err) {
      if ((err as { code?: string }).code === "23505") return false; // unique_violation: the new chat has its own
      throw err;
    }
  }

  // Stryker restore all: the claim logic, from here to recordSkipped, is under mutation testing (stryker.config.json).
  claimSlot(c: Claim): Promise<boolean> {
    return this.changed(
      `INSERT INTO deliveries (subscription_id, slot, due_at, status, owner, lease_until, attempts, updated_at)
       VALUES ($1, $2, $3, 'claimed', $4, $5, 0, $6) ON CONFLICT (subscription_id, slot) DO NOTHING`,
      [c.subscriptionId, c.slot, c.dueAt, c.owner, c.leaseUntil, c.now],
    );
  }

  async expiredClaims(now: number): Promise<Delivery[]> {
    const rows = await this.rows<DeliveryRow>("SELECT * FROM deliveries WHERE status = 'claimed' AND lease_until < $1 ORDER BY due_at", [now]);
    return rows.map(toDelivery);
  }

  takeOverClaim(c: Claim): Promise<boolean> {
    // The WHERE is re-checked on the row PostgreSQL locks, so of two instances racing only one sees it still expired.
    return this.changed(
      `UPDATE deliveries SET owner = $1, lease_until = $2, updated_at = $3
       WHERE subscription_id = $4 AND slot = $5 AND status = 'claimed' AND lease_until < $3`,
      [c.owner, c.leaseUntil, c.now, c.subscriptionId, c.slot],
    );
  }

  renewClaim(c: Claim): Promise<boolean> {
    return this.changed(
      `UPDATE deliveries SET lease_until = $1, attempts = attempts + 1, updated_at = $2
       WHERE subscription_id = $3 AND slot = $4 AND status = 'claimed' AND owner = $5`,
      [c.leaseUntil, c.now, c.subscriptionId, c.slot, c.owner],
    );
  }

  async markSent(subscriptionId: number, slot: string, owner: string, articleIds: string[], now: number): Promise<boolean> {
    // One statement: the received articles are recorded only if the claim was still ours.
    const { rows } = await this.pool.query<{ sent: boolean }>(
      `WITH sent AS (
         UPDATE deliveries SET status = 'sent', article_ids = $1::jsonb, lease_until = NULL, updated_at = $2
         WHERE subscription_id = $3 AND slot = $4 AND status = 'claimed' AND owner = $5
         RETURNING subscription_id
       ), received AS (
         INSERT INTO received_articles (subscription_id, article_id, slot)
         SELECT sent.subscription_id, a.id, $4 FROM sent, jsonb_array_elements_text($1::jsonb) AS a(id)
         ON CONFLICT DO NOTHING
       )
       SELECT EXISTS (SELECT 1 FROM sent) AS sent`,
      [JSON.stringify(articleIds), now, subscriptionId, slot, owner],
    );
    // Stryker disable next-line OptionalChaining: SELECT EXISTS always returns its one row.
    return rows[0]?.sent === true;
  }

  closeClaim(subscriptionId: number, slot: string, owner: string, status: "empty" | "skipped" | "failed", note: string, now: number): Promise<boolean> {
    return this.changed(
      `UPDATE deliveries SET status = $1, note = $2, lease_until = NULL, updated_at = $3
       WHERE subscription_id = $4 AND slot = $5 AND status = 'claimed' AND owner = $6`,
      [status, note, now, subscriptionId, slot, owner],
    );
  }

  recordSkipped(subscriptionId: number, slot: string, dueAt: number, note: string, now: number): Promise<boolean> {
    return this.changed(
      `INSERT INTO deliveries (subscription_id, slot, due_at, status, note, updated_at)
       VALUES ($1, $2, $3, 'skipped', $4, $5) ON CONFLICT (subscription_id, slot) DO NOTHING`,
      [subscriptionId, slot, dueAt, note, now],
    );
  }

  // Stryker disable all: the end of the claim logic under mutation testing.
  async delivery(subscriptionId: number, slot: string): Promise<Delivery | undefined> {
    const [row] = await this.rows<DeliveryRow>("SELECT * FROM deliveries WHERE subscription_id = $1 AND slot = $2", [subscriptionId, slot]);
    return row ? toDelivery(row) : undefined;
  }

  async recordedSlots(keys: readonly SlotKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.rows<{ subscription_id: number; slot: string }>(
      `SELECT d.subscription_id, d.slot FROM deliveries d
       JOIN unnest($1::int[], $2::text[]) AS k(subscription_id, slot) USING (subscription_id, slot)`,
      [keys.map((k) => k.subscriptionId), keys.map((k) => k.slot)],
    );
    return new Set(rows.map((r) => slotKeyString({ subscriptionId: r.subscription_id, slot: r.slot })));
  }

  async lastSent(subscriptionId: number): Promise<Delivery | undefined> {
    const [row] = await this.rows<DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = $1 AND status = 'sent' ORDER BY due_at DESC LIMIT 1",
      [subscriptionId],
    );
    return row ? toDelivery(row) : undefined;
  }

  async receivedArticles(subscriptionId: number): Promise<Set<string>> {
    const rows = await this.rows<{ article_id: string }>("SELECT article_id FROM received_articles WHERE subscription_id = $1", [subscriptionId]);
    return new Set(rows.map((r) => r.article_id));
  }

  async hasFeedItem(feedUrl: string, itemKey: string): Promise<boolean> {
    return (await this.rows("SELECT 1 FROM feed_items WHERE feed_url = $1 AND item_key = $2", [feedUrl, itemKey])).length > 0;
  }

  recordFeedItem(feedUrl: string, itemKey: string, articleId: string, now: number): Promise<boolean> {
    return this.changed(
      "INSERT INTO feed_items (feed_url, item_key, article_id, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [feedUrl, itemKey, articleId, now],
    );
  }

  async getChatLang(platform: PlatformName, chatId: string): Promise<Lang | undefined> {
    const [row] = await this.rows<{ lang: Lang }>("SELECT lang FROM chat_langs WHERE platform = $1 AND chat_id = $2", [platform, chatId]);
    return row?.lang;
  }

  async setChatLang(platform: PlatformName, chatId: string, lang: Lang | undefined, now: number): Promise<void> {
    if (lang === undefined) {
      await this.pool.query("DELETE FROM chat_langs WHERE platform = $1 AND chat_id = $2", [platform, chatId]);
      return;
    }
    await this.pool.query(
      `INSERT INTO chat_langs (platform, chat_id, lang, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, chat_id) DO UPDATE SET lang = EXCLUDED.lang, updated_at = EXCLUDED.updated_at`,
      [platform, chatId, lang, now],
    );
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error("database is closed");
    try {
      await this.pool.query("INSERT INTO store_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at", [Date.now()]);
    } catch (err) {
      throw new Error(`PostgreSQL not reachable or not writable: ${describePgError(err)}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** A pg error as one line: its message, and the connection error's code when the message is empty (ECONNREFUSED). */
export function describePgError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describePgError(err.errors[0]);
  const e = err as { message?: string; code?: string };
  return e.message || e.code || String(err);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
