/**
 * Leadership: which instance, among several sharing one database, does a job
 * that must run in one place at a time. Each job is a named role:
 *
 *   - "digest":   the digest fan-out (src/digest/runtime.ts), so pacing is bot-wide;
 *   - "telegram": Telegram long polling (one getUpdates poller per token);
 *   - "feeds":    feed polling (FEEDS).
 *
 * Use:
 *
 *   const role = leadership.acquire("feeds");        // starts campaigning at once, never blocks
 *   const off = role.onChange((leading) => {          // called with true when this instance takes the role,
 *     if (leading) startPolling(); else stopPolling(); //   false when it loses it (database connection lost)
 *   });                                               //   or gives it up; at once with true if already leading
 *   if (role.leading) { ... }                         // the state right now, for work that checks before each step
 *   await role.release();                             // at shutdown: another instance takes over within seconds
 *
 * A listener must not throw; it should start or stop its work and return
 * (long work it starts runs on its own). `acquire` twice with the same name
 * returns the same role.
 *
 * With SQLite (one instance) every role is led at once (LocalLeadership). On
 * PostgreSQL (postgres/leadership.ts) a role is a session advisory lock held
 * on a connection of its own: when the holder dies its connection closes, the
 * server frees the lock, and a standby takes it at its next check (every 2 s).
 * Leadership decides who works, not what is correct: the delivery ledger's
 * claims still guarantee one digest per chat and slot even if two instances
 * briefly both believe they lead.
 */
export interface Role {
  readonly name: string;
  /** Whether this instance holds the role right now. */
  readonly leading: boolean;
  /** Subscribes to changes of `leading`; returns the unsubscribe. Called at once with true if already leading. */
  onChange(listener: (leading: boolean) => void): () => void;
  /** Gives the role up and stops campaigning for it. */
  release(): Promise<void>;
}

export interface Leadership {
  /** "local" (always leading) or "postgres" (advisory locks). */
  readonly kind: "local" | "postgres";
  acquire(name: string): Role;
  /** Releases every role and closes the connection. */
  close(): Promise<void>;
}

/** A role's listeners and state; the leadership implementations set `leading` through `set`. */
export class RoleState implements Role {
  private current = false;
  private readonly listeners = new Set<(leading: boolean) => void>();
  released = false;

  constructor(
    readonly name: string,
    private readonly onRelease: (role: RoleState) => Promise<void>,
  ) {}

  get leading(): boolean {
    return this.current;
  }

  set(leading: boolean): void {
    if (leading === this.current) return;
    this.current = leading;
    for (const listener of [...this.listeners]) listener(leading);
  }

  onChange(listener: (leading: boolean) => void): () => void {
    this.listeners.add(listener);
    if (this.current) listener(true);
    return () => this.listeners.delete(listener);
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.onRelease(this);
    this.set(false);
  }
}

/** One instance on its own database (SQLite): it leads every role. */
export class LocalLeadership implements Leadership {
  readonly kind = "local" as const;
  private readonly roles = new Map<string, RoleState>();

  acquire(name: string): Role {
    let role = this.roles.get(name);
    if (!role) {
      role = new RoleState(name, async () => {
        this.roles.delete(name);
      });
      this.roles.set(name, role);
      role.set(true);
    }
    return role;
  }

  async close(): Promise<void> {
    await Promise.all([...this.roles.values()].map((r) => r.release()));
  }
}
