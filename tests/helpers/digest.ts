import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContentLibrary } from "../../src/content/loader.js";
import { DeliveryError, type Platform } from "../../src/core/platform.js";
import type { Reply } from "../../src/core/reply.js";
import { type Clock, ManualClock, systemClock } from "../../src/digest/clock.js";
import { DigestScheduler, type SchedulerOptions } from "../../src/digest/scheduler.js";
import { SqliteSubscriptionStore } from "../../src/store/sqlite/store.js";
import type { PlatformName, SubscriptionInput } from "../../src/store/types.js";
import { library } from "./core.js";

export { recordingLogger } from "./core.js";

/** A fresh folder for a test's SQLite file. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "kabar-digest-"));
}

/**
 * A Platform that records what it was asked to send. `failures` scripts the
 * answer per chat id: a DeliveryError to throw (once per entry, in order), or
 * "hang" for a send that never returns (the process died mid-send).
 */
export class FakePlatform implements Platform {
  readonly sent: { chatId: string; reply: Reply; at: number }[] = [];
  readonly attempts: { chatId: string; at: number }[] = [];
  readonly failures = new Map<string, (DeliveryError | "hang")[]>();
  /** After this many successful sends every further send hangs (a crash mid-fan-out). */
  hangAfter = Number.POSITIVE_INFINITY;
  /** Runs while a send is in flight, before the platform answers (another instance acting meanwhile). */
  whileSending?: (chatId: string) => void | Promise<void>;

  constructor(
    readonly name: PlatformName,
    private readonly clock: { now(): number },
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(chatId: string, reply: Reply): Promise<void> {
    this.attempts.push({ chatId, at: this.clock.now() });
    await this.whileSending?.(chatId);
    const scripted = this.failures.get(chatId)?.shift();
    if (scripted === "hang" || this.sent.length >= this.hangAfter) return new Promise<void>(() => {});
    if (scripted) throw scripted;
    this.sent.push({ chatId, reply, at: this.clock.now() });
  }

  countTo(chatId: string): number {
    return this.sent.filter((s) => s.chatId === chatId).length;
  }
}

export const gone = (code: number | string, message: string) => new DeliveryError("gone", message, { code });
export const migrated = (to: string) =>
  new DeliveryError("migrated", "Bad Request: group chat was upgraded to a supergroup chat", { code: 400, migratedTo: to });
export const rateLimited = (ms: number) => new DeliveryError("rate_limited", "Too Many Requests", { code: 429, retryAfterMs: ms });
export const transient = () => new DeliveryError("transient", "Internal Server Error", { code: 502 });

export function subscription(chatId: string, overrides: Partial<SubscriptionInput> = {}): SubscriptionInput {
  return { platform: "telegram", chatId, time: "07:00", timeZone: "Asia/Jakarta", lang: "id", mode: "new", createdBy: `telegram:${chatId}`, ...overrides };
}

/** One bot instance: its own connection to the database file, its own scheduler and platform. */
export interface Instance {
  store: SqliteSubscriptionStore;
  scheduler: DigestScheduler;
  platform: FakePlatform;
}

export function instance(
  dbPath: string,
  clock: Clock,
  options: Partial<SchedulerOptions> & { platformName?: PlatformName; content?: ContentLibrary } = {},
): Instance {
  const store = new SqliteSubscriptionStore(dbPath);
  const platform = new FakePlatform(options.platformName ?? "telegram", clock);
  const content = options.content ?? library;
  const scheduler = new DigestScheduler({
    store,
    library: () => content,
    clock,
    graceMinutes: 120,
    // Tests drive ticks themselves; node-cron stays out of them.
    trigger: () => ({ stop() {} }),
    ...options,
  });
  scheduler.addPlatform(platform);
  return { store, scheduler, platform };
}

/** 2024-03-04 (a Monday) at hh:mm in Jakarta (UTC+7, no daylight saving). */
export function jakarta(hh: number, mm = 0, day = 4): number {
  return Date.UTC(2024, 2, day, hh - 7, mm);
}

/**
 * For end-to-end tests against a peer: the time of day is the test's (`set`
 * jumps to 07:00), and from there it runs at real speed, so the pacing gaps
 * between sends (tens of ms) and the peer's network answers are waited for for real.
 */
export class JumpClock implements Clock {
  private offset: number;
  constructor(at: number) {
    this.offset = at - Date.now();
  }
  now(): number {
    return Date.now() + this.offset;
  }
  set(at: number): void {
    this.offset = at - Date.now();
  }
  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }
}

export { ManualClock };
