import pg from "pg";
import { type Leadership, type Role, RoleState } from "../leadership.js";
import { describePgError } from "./store.js";

/**
 * Leadership on PostgreSQL session advisory locks, the way graphile-worker and
 * pg-boss make "one at a time" without a lock table: `pg_try_advisory_lock`
 * on a connection of our own (not the pool, whose connections come and go and
 * would take the lock with them). The server frees a session lock the moment
 * its connection ends, so when a leader process dies (kill -9, OOM) its lock
 * is free at once and a standby takes it at its next check. A machine that
 * vanishes without closing its socket is noticed by TCP keepalive (about 10 s).
 *
 * Every check (every `checkMs`) proves the connection alive with one query
 * bounded by a timeout; if it fails the instance steps down from every role at
 * once (its locks may already be someone else's) and reconnects.
 */
export interface PostgresLeadershipOptions {
  url: string;
  /** How often a standby tries to take a role, and a leader checks its connection. */
  checkMs?: number;
  /** Reports connection trouble and role changes (the logger, in production). */
  onEvent?: (event: { role?: string; leading?: boolean; error?: string }) => void;
}

/** The advisory lock class for roles ("kab" 2); the object id is a hash of the role name. */
const ROLE_CLASS = 0x6b616202;

/** FNV-1a, folded to a signed 32-bit int (advisory lock keys are int4 in the two-key form). */
export function roleKey(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(name, "utf8")) {
    h ^= ch;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export class PostgresLeadership implements Leadership {
  readonly kind = "postgres" as const;
  private readonly roles = new Map<string, RoleState>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private closed = false;
  private readonly checkMs: number;

  constructor(private readonly options: PostgresLeadershipOptions) {
    this.checkMs = options.checkMs ?? 2_000;
  }

  acquire(name: string): Role {
    const existing = this.roles.get(name);
    if (existing) return existing;
    const role = new RoleState(name, (r) => this.unlock(r));
    this.roles.set(name, role);
    if (!this.timer && !this.closed) {
      this.timer = setInterval(() => void this.check(), this.checkMs);
      this.timer.unref();
    }
    void this.check();
    return role;
  }

  /** One round: connect if needed, prove the connection, try every role not held. Rounds never overlap. */
  check(): Promise<void> {
    this.checking ??= this.round().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async round(): Promise<void> {
    if (this.closed) return;
    const client = await this.connection();
    if (!client) return;
    try {
      await client.query("SELECT 1");
      for (const role of this.roles.values()) {
        if (role.leading || role.released) continue;
        const { rows } = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [ROLE_CLASS, roleKey(role.name)]);
        if (rows[0]?.got) {
          role.set(true);
          this.options.onEvent?.({ role: role.name, leading: true });
        }
      }
    } catch (err) {
      this.lose(client, describePgError(err));
    }
  }

  private async connection(): Promise<pg.Client | undefined> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.options.url,
        application_name: "kabar-leadership",
        connectionTimeoutMillis: 5_000,
        // A hung query (the network is gone) must not keep us leading: step down instead.
        query_timeout: Math.max(2_000, this.checkMs * 2),
        keepAlive: true,
        keepAliveInitialDelayMillis: 5_000,
      });
      client.on("error", (err) => this.lose(client, describePgError(err)));
      client.on("end", () => this.lose(client, "connection closed"));
      try {
        await client.connect();
        // The server notices a vanished machine within ~10 s and frees its locks for the others.
        await client.query("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3");
      } catch (err) {
        this.options.onEvent?.({ error: `leadership: cannot reach PostgreSQL: ${describePgError(err)}` });
        await client.end().catch(() => undefined);
        return undefined;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        return undefined;
      }
      this.client = client;
      return client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** The connection failed: every lock it held may be gone, so every role is lost until retaken. */
  private lose(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.closed) this.options.onEvent?.({ error: `leadership: lost the PostgreSQL connection (${reason}); stepping down` });
    for (const role of this.roles.values()) {
      if (!role.leading) continue;
      role.set(false);
      this.options.onEvent?.({ role: role.name, leading: false });
    }
  }

  private async unlock(role: RoleState): Promise<void> {
    this.roles.delete(role.name);
    if (role.leading && this.client) {
      await this.client.query("SELECT pg_advisory_unlock($1, $2)", [ROLE_CLASS, roleKey(role.name)]).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all([...this.roles.values()].map((r) => r.release()));
    const client = this.client;
    this.client = undefined;
    // Ending the session frees every lock it still holds.
    await client?.end().catch(() => undefined);
  }
}
