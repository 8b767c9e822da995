import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Lang } from "../../core/lang.js";
import { migrate } from "./migrations.js";
import { type DeliveryRow, type SubscriptionRow, toDelivery, toSubscription } from "../rows.js";
import { type Claim, type Delivery, type PlatformName, type SlotKey, type Subscription, type SubscriptionInput, type SubscriptionStore, slotKeyString } from "../types.js";

// Stryker disable all: of this file only the claim logic is under mutation testing (marked below).
export const DATABASE_FILE = "kabar.db";

/**
 * The SubscriptionStore on one SQLite file (better-sqlite3 12: version 13
 * crashes on Node 20). WAL lets readers and one writer work at once, and
 * busy_timeout makes a second process wait for the write lock instead of
 * failing, so two bot processes can share the file.
 */
export class SqliteSubscriptionStore implements SubscriptionStore {
  private readonly db: Database.Database;
  /** The file's inode at open: a database deleted or replaced under us keeps working on the old inode, which ping must notice. */
  private readonly inode: number | undefined;

  /** Opens (creating the folder and the file) and migrates. `path` ":memory:" is for tests. */
  constructor(private readonly path: string) {
    this.db = new Database(path);
    this.inode = path === ":memory:" ? undefined : statSync(path).ino;
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("synchronous = NORMAL");
    migrate(this.db);
  }

  static openInDir(dataDir: string): SqliteSubscriptionStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteSubscriptionStore(join(dataDir, DATABASE_FILE));
  }

  /** Statements prepared once: preparing dominates a small query's cost, thousands of times per fan-out. */
  private readonly statements = new Map<string, Database.Statement>();
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The database file (":memory:" in tests). */
  get file(): string {
    return this.path;
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  private subscriptionRow(platform: PlatformName, chatId: string): SubscriptionRow | undefined {
    return this.stmt("SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ?").get(platform, chatId) as
      | SubscriptionRow
      | undefined;
  }

  async subscribe(input: SubscriptionInput, now: number): Promise<Subscription> {
    const upsert = this.db.transaction(() => {
      const existing = this.subscriptionRow(input.platform, input.chatId);
      if (!existing) {
        this.stmt(
            `INSERT INTO subscriptions (platform, chat_id, time, time_zone, lang, mode, created_by, active, created_at, updated_at, schedule_set_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
          )
          .run(input.platform, input.chatId, input.time, input.timeZone, input.lang, input.mode, input.createdBy ?? null, now, now, now);
      } else {
        // A changed schedule (or a re-activation) promises only slots from now on.
        const scheduleChanged =
          existing.active === 0 || existing.time !== input.time || existing.time_zone !== input.timeZone;
        this.stmt(
            `UPDATE subscriptions SET time = ?, time_zone = ?, lang = ?, mode = ?, created_by = ?, active = 1,
               disabled_reason = NULL, updated_at = ?, schedule_set_at = ? WHERE id = ?`,
          )
          .run(
            input.time,
            input.timeZone,
            input.lang,
            input.mode,
            input.createdBy ?? existing.created_by,
            now,
            scheduleChanged ? now : existing.schedule_set_at,
            existing.id,
          );
      }
      return toSubscription(this.subscriptionRow(input.platform, input.chatId)!);
    });
    return upsert.immediate();
  }

  async unsubscribe(platform: PlatformName, chatId: string, now: number): Promise<boolean> {
    const r = this.stmt("UPDATE subscriptions SET active = 0, disabled_reason = 'unsubscribed', updated_at = ? WHERE platform = ? AND chat_id = ? AND active = 1")
      .run(now, platform, chatId);
    return r.changes === 1;
  }

  async get(platform: PlatformName, chatId: string): Promise<Subscription | undefined> {
    const row = this.subscriptionRow(platform, chatId);
    return row ? toSubscription(row) : undefined;
  }

  async getById(id: number): Promise<Subscription | undefined> {
    const row = this.stmt("SELECT * FROM subscriptions WHERE id = ?").get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  async active(): Promise<Subscription[]> {
    const rows = this.stmt("SELECT * FROM subscriptions WHERE active = 1 ORDER BY id").all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async disable(id: number, reason: string, now: number): Promise<void> {
    this.stmt("UPDATE subscriptions SET active = 0, disabled_reason = ?, updated_at = ? WHERE id = ?").run(reason, now, id);
  }

  async moveChat(id: number, newChatId: string, now: number): Promise<boolean> {
    try {
      const r = this.stmt("UPDATE subscriptions SET chat_id = ?, updated_at = ? WHERE id = ?").run(newChatId, now, id);
      return r.changes === 1;
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return false;
      throw err;
    }
  }

  // Stryker restore all: the claim logic, from here to recordSkipped, is under mutation testing (stryker.config.json).
  async claimSlot(c: Claim): Promise<boolean> {
    const r = this.stmt(
        `INSERT INTO deliveries (subscription_id, slot, due_at, status, owner, lease_until, attempts, updated_at)
         VALUES (?, ?, ?, 'claimed', ?, ?, 0, ?) ON CONFLICT (subscription_id, slot) DO NOTHING`,
      )
      .run(c.subscriptionId, c.slot, c.dueAt, c.owner, c.leaseUntil, c.now);
    return r.changes === 1;
  }

  async expiredClaims(now: number): Promise<Delivery[]> {
    const rows = this.stmt("SELECT * FROM deliveries WHERE status = 'claimed' AND lease_until < ? ORDER BY due_at")
      .all(now) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async takeOverClaim(c: Claim): Promise<boolean> {
    const r = this.stmt(
        `UPDATE deliveries SET owner = ?, lease_until = ?, updated_at = ?
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND lease_until < ?`,
      )
      .run(c.owner, c.leaseUntil, c.now, c.subscriptionId, c.slot, c.now);
    return r.changes === 1;
  }

  async renewClaim(c: Claim): Promise<boolean> {
    const r = this.stmt(
        `UPDATE deliveries SET lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND owner = ?`,
      )
      .run(c.leaseUntil, c.now, c.subscriptionId, c.slot, c.owner);
    return r.changes === 1;
  }

  async markSent(subscriptionId: number, slot: string, owner: string, articleIds: string[], now: number): Promise<boolean> {
    const mark = this.db.transaction(() => {
      const r = this.stmt(
          `UPDATE deliveries SET status = 'sent', article_ids = ?, lease_until = NULL, updated_at = ?
           WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND owner = ?`,
        )
        .run(JSON.stringify(articleIds), now, subscriptionId, slot, owner);
      if (r.changes !== 1) return false;
      const received = this.stmt(
        "INSERT INTO received_articles (subscription_id, article_id, slot) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      );
      for (const articleId of articleIds) received.run(subscriptionId, articleId, slot);
      return true;
    });
    return mark.immediate();
  }

  async closeClaim(
    subscriptionId: number,
    slot: string,
    owner: string,
    status: "empty" | "skipped" | "failed",
    note: string,
    now: number,
  ): Promise<boolean> {
    const r = this.stmt(
        `UPDATE deliveries SET status = ?, note = ?, lease_until = NULL, updated_at = ?
         WHERE subscription_id = ? AND slot = ? AND status = 'claimed' AND owner = ?`,
      )
      .run(status, note, now, subscriptionId, slot, owner);
    return r.changes === 1;
  }

  async recordSkipped(subscriptionId: number, slot: string, dueAt: number, note: string, now: number): Promise<boolean> {
    const r = this.stmt(
        `INSERT INTO deliveries (subscription_id, slot, due_at, status, note, updated_at)
         VALUES (?, ?, ?, 'skipped', ?, ?) ON CONFLICT (subscription_id, slot) DO NOTHING`,
      )
      .run(subscriptionId, slot, dueAt, note, now);
    return r.changes === 1;
  }

  // Stryker disable all: the end of the claim logic under mutation testing.
  async delivery(subscriptionId: number, slot: string): Promise<Delivery | undefined> {
    const row = this.stmt("SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?").get(subscriptionId, slot) as
      | DeliveryRow
      | undefined;
    return row ? toDelivery(row) : undefined;
  }

  async recordedSlots(keys: readonly SlotKey[]): Promise<Set<string>> {
    // In-process and indexed: one prepared look-up per key is already microseconds.
    const found = new Set<string>();
    const get = this.stmt("SELECT 1 FROM deliveries WHERE subscription_id = ? AND slot = ?");
    for (const k of keys) if (get.get(k.subscriptionId, k.slot) !== undefined) found.add(slotKeyString(k));
    return found;
  }

  async lastSent(subscriptionId: number): Promise<Delivery | undefined> {
    const row = this.stmt("SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' ORDER BY due_at DESC LIMIT 1")
      .get(subscriptionId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  async receivedArticles(subscriptionId: number): Promise<Set<string>> {
    const rows = this.stmt("SELECT article_id FROM received_articles WHERE subscription_id = ?").all(subscriptionId) as {
      article_id: string;
    }[];
    return new Set(rows.map((r) => r.article_id));
  }

  async hasFeedItem(feedUrl: string, itemKey: string): Promise<boolean> {
    return this.stmt("SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?").get(feedUrl, itemKey) !== undefined;
  }

  async recordFeedItem(feedUrl: string, itemKey: string, articleId: string, now: number): Promise<boolean> {
    const r = this.stmt("INSERT INTO feed_items (feed_url, item_key, article_id, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
      .run(feedUrl, itemKey, articleId, now);
    return r.changes === 1;
  }

  async getChatLang(platform: PlatformName, chatId: string): Promise<Lang | undefined> {
    const row = this.stmt("SELECT lang FROM chat_langs WHERE platform = ? AND chat_id = ?").get(platform, chatId) as
      | { lang: Lang }
      | undefined;
    return row?.lang;
  }

  async setChatLang(platform: PlatformName, chatId: string, lang: Lang | undefined, now: number): Promise<void> {
    if (lang === undefined) {
      this.stmt("DELETE FROM chat_langs WHERE platform = ? AND chat_id = ?").run(platform, chatId);
      return;
    }
    this.stmt(
        `INSERT INTO chat_langs (platform, chat_id, lang, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
      )
      .run(platform, chatId, lang, now);
  }

  async ping(): Promise<void> {
    if (!this.db.open) throw new Error("database is closed");
    if (this.inode !== undefined) {
      let ino: number | undefined;
      try {
        ino = statSync(this.path).ino;
      } catch {
        throw new Error(`database file ${this.path} is gone`);
      }
      if (ino !== this.inode) throw new Error(`database file ${this.path} was replaced while open`);
    }
    try {
      this.stmt("INSERT INTO store_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at")
        .run(Date.now());
    } catch (err) {
      throw new Error(`database is not writable: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
