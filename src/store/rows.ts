import type { Lang } from "../core/lang.js";
import type { Delivery, DeliveryStatus, DigestMode, PlatformName, Subscription } from "./types.js";

/**
 * The table rows both stores share (same column names in SQLite and
 * PostgreSQL), and their mapping to the store's types, so the two stores
 * cannot drift apart in what a row means.
 */
export interface SubscriptionRow {
  id: number;
  platform: PlatformName;
  chat_id: string;
  time: string;
  time_zone: string;
  lang: Lang;
  mode: DigestMode;
  created_by: string | null;
  /** 1/0 in SQLite, a boolean in PostgreSQL. */
  active: number | boolean;
  disabled_reason: string | null;
  created_at: number;
  schedule_set_at: number;
}

export interface DeliveryRow {
  subscription_id: number;
  slot: string;
  due_at: number;
  status: DeliveryStatus;
  owner: string | null;
  lease_until: number | null;
  attempts: number;
  /** JSON text in SQLite, a decoded jsonb array in PostgreSQL. */
  article_ids: string | string[];
  note: string | null;
  updated_at: number;
}

export function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    platform: r.platform,
    chatId: r.chat_id,
    time: r.time,
    timeZone: r.time_zone,
    lang: r.lang,
    mode: r.mode,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
    active: r.active === 1 || r.active === true,
    ...(r.disabled_reason ? { disabledReason: r.disabled_reason } : {}),
    createdAt: r.created_at,
    scheduleSetAt: r.schedule_set_at,
  };
}

export function toDelivery(r: DeliveryRow): Delivery {
  return {
    subscriptionId: r.subscription_id,
    slot: r.slot,
    dueAt: r.due_at,
    status: r.status,
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.lease_until !== null ? { leaseUntil: r.lease_until } : {}),
    attempts: r.attempts,
    articleIds: typeof r.article_ids === "string" ? (JSON.parse(r.article_ids) as string[]) : r.article_ids,
    ...(r.note ? { note: r.note } : {}),
    updatedAt: r.updated_at,
  };
}
