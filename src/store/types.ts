import type { Lang } from "../core/lang.js";
import type { PlatformName } from "../core/target.js";

/**
 * What the digest feature keeps, behind a small async interface so a
 * PostgreSQL implementation can replace SQLite for multi-instance
 * deployments. Every method is a single atomic step; exactly-once delivery
 * rests on `claimSlot` / `takeOverClaim` being atomic.
 */
export type { PlatformName };
export type DigestMode = "new" | "always";

export interface Subscription {
  id: number;
  platform: PlatformName;
  /** The platform's chat id (no "telegram:" prefix). */
  chatId: string;
  /** "HH:MM", 24-hour, local to `timeZone`. */
  time: string;
  timeZone: string;
  lang: Lang;
  mode: DigestMode;
  /** Platform-qualified user id of whoever subscribed last ("telegram:42"). */
  createdBy?: string;
  active: boolean;
  /** Why the subscription stopped ("unsubscribed", "gone: 403 Forbidden: bot was blocked by the user"). */
  disabledReason?: string;
  createdAt: number;
  /** When time or timezone last changed: slots due before it were never promised. */
  scheduleSetAt: number;
}

/** What a chat chooses when it subscribes. */
export type SubscriptionInput = Pick<Subscription, "platform" | "chatId" | "time" | "timeZone" | "lang" | "mode" | "createdBy">;

/**
 * A ledger row: one per (subscription, slot).
 * - claimed: an instance owns it until `leaseUntil` and is sending;
 * - sent: delivered (`articleIds` went out);
 * - empty: nothing new and mode "new", so nothing was sent;
 * - skipped: not delivered because the grace window had passed (logged);
 * - failed: the chat refused it for good, or retries ran out of grace.
 */
export type DeliveryStatus = "claimed" | "sent" | "empty" | "skipped" | "failed";

export interface Delivery {
  subscriptionId: number;
  slot: string;
  dueAt: number;
  status: DeliveryStatus;
  owner?: string;
  leaseUntil?: number;
  /** Lease renewals before tries: a first try sent moments after its claim needs none (0); each retry adds one. */
  attempts: number;
  articleIds: string[];
  note?: string;
  updatedAt: number;
}

export interface Claim {
  subscriptionId: number;
  slot: string;
  dueAt: number;
  owner: string;
  leaseUntil: number;
  now: number;
}

export interface SubscriptionStore {
  /** Creates or updates the chat's one subscription (re-activating it). */
  subscribe(input: SubscriptionInput, now: number): Promise<Subscription>;
  /** Deactivates it with reason "unsubscribed"; false when the chat has none active. */
  unsubscribe(platform: PlatformName, chatId: string, now: number): Promise<boolean>;
  get(platform: PlatformName, chatId: string): Promise<Subscription | undefined>;
  getById(id: number): Promise<Subscription | undefined>;
  active(): Promise<Subscription[]>;
  disable(id: number, reason: string, now: number): Promise<void>;
  /**
   * Moves a subscription to another chat id (a Telegram group that became a
   * supergroup). False when the new chat already has its own subscription.
   */
  moveChat(id: number, newChatId: string, now: number): Promise<boolean>;

  /** Inserts a `claimed` row; false when the slot already has a row (someone else has it, or it is done). */
  claimSlot(claim: Claim): Promise<boolean>;
  /** Claimed rows whose lease ran out: their owner died between claim and send. */
  expiredClaims(now: number): Promise<Delivery[]>;
  /** Takes over an expired claim atomically; false if another instance was faster or it is no longer expired. */
  takeOverClaim(claim: Claim): Promise<boolean>;
  /** Extends the lease before a (re)try; false when this owner no longer holds the claim. */
  renewClaim(claim: Claim): Promise<boolean>;
  /** claimed -> sent, only by its owner; records the articles delivered. */
  markSent(subscriptionId: number, slot: string, owner: string, articleIds: string[], now: number): Promise<boolean>;
  /** claimed -> empty | skipped | failed, only by its owner. */
  closeClaim(subscriptionId: number, slot: string, owner: string, status: "empty" | "skipped" | "failed", note: string, now: number): Promise<boolean>;
  /** Records a slot that was never claimed and is past its grace window (so it is logged once, not silently lost). */
  recordSkipped(subscriptionId: number, slot: string, dueAt: number, note: string, now: number): Promise<boolean>;
  delivery(subscriptionId: number, slot: string): Promise<Delivery | undefined>;
  /**
   * Which of these (subscription, slot) pairs already have a ledger row, as
   * `${subscriptionId}|${slot}` keys: the scheduler asks this for every active
   * chat each minute, so it is one query per batch, not one per chat.
   */
  recordedSlots(keys: readonly SlotKey[]): Promise<Set<string>>;
  /** The most recent sent delivery, for `digest status`. */
  lastSent(subscriptionId: number): Promise<Delivery | undefined>;
  /** Ids of the articles this subscription has already received in a digest. */
  receivedArticles(subscriptionId: number): Promise<Set<string>>;

  /** Whether a feed item (its guid, or link when it has none) was already imported. */
  hasFeedItem(feedUrl: string, itemKey: string): Promise<boolean>;
  /** Remembers a feed item as imported into `articleId`; false if it was already recorded (another instance was faster). */
  recordFeedItem(feedUrl: string, itemKey: string, articleId: string, now: number): Promise<boolean>;

  /** The language a chat chose with /lang; undefined = follow each message (auto). */
  getChatLang(platform: PlatformName, chatId: string): Promise<Lang | undefined>;
  /** Sets the chat's language; undefined goes back to auto. */
  setChatLang(platform: PlatformName, chatId: string, lang: Lang | undefined, now: number): Promise<void>;

  /** Proves the store is reachable AND writable (for /readyz); throws an Error with a readable reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One ledger row's identity. */
export interface SlotKey {
  subscriptionId: number;
  slot: string;
}

/** The string form `recordedSlots` answers in. */
export const slotKeyString = (k: SlotKey): string => `${k.subscriptionId}|${k.slot}`;
