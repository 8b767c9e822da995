import type { ContentLibrary } from "../content/loader.js";
import type { Logger } from "../core/log.js";
import { DeliveryError, type Platform } from "../core/platform.js";
import { digestsTotal, fanOutLagSeconds } from "../ops/metrics.js";
import type { Subscription, SubscriptionStore } from "../store/types.js";
import { duplicateRiskTotal } from "../ops/metrics.js";
import type { Clock } from "./clock.js";
import { composeDigest } from "./compose.js";
import type { PacingLimiter } from "./pacing.js";
import type { Slot } from "./slots.js";

/**
 * One subscription's digest for one slot: claim -> compose -> pace -> send ->
 * mark sent. The claim (a ledger row unique on subscription and slot) is what
 * makes delivery exactly-once across restarts and across instances: only its
 * owner sends, and only while its lease holds.
 *
 * The one window this cannot close: a crash after the platform accepted the
 * message but before `markSent` is recorded; the next owner sends it again.
 * Neither Telegram nor Discord offers an idempotency key to close it.
 */
export interface DeliveryJob {
  sub: Subscription;
  slot: Slot;
  /** Taking over a claim whose owner died (its lease ran out) rather than claiming afresh. */
  takeover: boolean;
  /** The owner that died holding the claim (not one that handed it back): the chat may already have it. */
  orphanedBy?: string;
  owned: boolean;
  attempts: number;
}

export interface DeliveryContext {
  store: SubscriptionStore;
  clock: Clock;
  /** This instance's id in the ledger. */
  owner: string;
  graceMs: number;
  /** How long a claim stays ours without being renewed; renewed before every try. */
  leaseMs: number;
  maxAttempts: number;
  library: () => ContentLibrary;
  platform(name: Subscription["platform"]): Platform | undefined;
  limiter(name: Subscription["platform"]): PacingLimiter;
  logger: Logger;
  stopping(): boolean;
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** Exponential back-off with jitter (half to full), so retries from many chats do not line up. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}


/** Runs one try; returns a delay before the next try, or undefined when the job is finished. */
export async function attemptDelivery(job: DeliveryJob, ctx: DeliveryContext): Promise<number | undefined> {
  const { store, clock, owner } = ctx;
  const { sub, slot } = job;
  const log = ctx.logger.child({ subscription: sub.id, platform: sub.platform, chat: sub.chatId, slot: slot.key });
  const now = clock.now();
  const claim = { subscriptionId: sub.id, slot: slot.key, dueAt: slot.dueAt, owner, leaseUntil: now + ctx.leaseMs, now };

  // When this try took the claim itself (its lease is as fresh as a renewal would make it); a retry's claim is of no known age.
  let claimedAt = Number.NEGATIVE_INFINITY;
  if (!job.owned) {
    if (ctx.stopping()) return undefined;
    job.owned = job.takeover ? await store.takeOverClaim(claim) : await store.claimSlot(claim);
    claimedAt = now;
    // Another instance has this slot (or it is already done): nothing to do here.
    if (!job.owned) return undefined;
    if (job.orphanedBy) {
      // Visible, not guessed: the dead owner may have sent it before it could record so.
      duplicateRiskTotal.inc();
      log.warn({ deadOwner: job.orphanedBy }, "digest claim left by an instance that died: may have been delivered twice; sending it now");
    }
  }
  const handBack = () => store.renewClaim({ ...claim, leaseUntil: clock.now() - 1, now: clock.now() });
  if (ctx.stopping()) {
    // Hand the claim back so the next instance need not wait for the lease to run out.
    await handBack();
    return undefined;
  }

  const deadline = slot.dueAt + ctx.graceMs;
  const skipIfLate = async (at: number): Promise<boolean> => {
    if (at <= deadline) return false;
    await store.closeClaim(sub.id, slot.key, owner, "skipped", "grace window over before sending", at);
    digestsTotal.inc({ outcome: "skipped" });
    log.warn({ dueAt: new Date(slot.dueAt).toISOString() }, "digest slot skipped: grace window over before it could be sent");
    return true;
  };
  if (await skipIfLate(now)) return undefined;

  const received = await store.receivedArticles(sub.id);
  // A language chosen for the chat with /lang outranks the one the subscription was made in.
  const lang = (await store.getChatLang(sub.platform, sub.chatId)) ?? sub.lang;
  const digest = composeDigest(ctx.library(), received, lang, sub.mode);
  if (!digest) {
    await store.closeClaim(sub.id, slot.key, owner, "empty", "nothing new", now);
    digestsTotal.inc({ outcome: "empty" });
    log.debug("no new article: nothing sent");
    return undefined;
  }
  const platform = ctx.platform(sub.platform);
  if (!platform) {
    await handBack();
    return undefined;
  }

  job.attempts++;
  // Renewed before pacing, so nothing but the request itself stands between the pacer's grant
  // and the wire: a database round trip there would let sends bunch up past the platform's limit.
  const renew = (at: number) => store.renewClaim({ ...claim, leaseUntil: at + ctx.leaseMs, now: at });
  // A claim taken moments ago in this try needs no renewal yet (one query fewer per chat in a
  // fan-out); a retry, a takeover after a wait, or a slow read before this point renews.
  const fresh = clock.now() - claimedAt < ctx.leaseMs / 4;
  const renewedAt = fresh ? claimedAt : clock.now();
  if (!fresh && !(await renew(renewedAt))) {
    log.warn("digest claim lost to another instance; not sending");
    return undefined;
  }
  const answered = await ctx.limiter(sub.platform).acquire(sub.chatId);
  const sendAt = clock.now();
  if (ctx.stopping()) {
    await handBack();
    return undefined;
  }
  if (await skipIfLate(sendAt)) return undefined;
  // The pacer may hold a send for long (a 429 pause, a busy group), past most of the lease:
  // renew once more, so the claim is surely still ours, and the slot still in grace, when we send.
  if (sendAt - renewedAt > ctx.leaseMs / 2 && !(await renew(sendAt))) {
    log.warn("digest claim lost to another instance while paced; not sending");
    return undefined;
  }
  try {
    await platform.send(sub.chatId, digest.reply);
    answered(clock.now());
  } catch (err) {
    answered(clock.now());
    if (err instanceof DeliveryError) return handleFailure(job, err, ctx, deadline);
    // Adapters map every failure worth retrying to a DeliveryError; anything else (a request the
    // platform refuses, a rendering bug) would fail the same way again: record it and say so.
    await store.closeClaim(sub.id, slot.key, owner, "failed", `error: ${err instanceof Error ? err.message : String(err)}`, clock.now());
    digestsTotal.inc({ outcome: "failed" });
    log.error({ err }, "digest not delivered: the platform refused it (not retried)");
    return undefined;
  }
  const sentAt = clock.now();
  digestsTotal.inc({ outcome: "sent" });
  fanOutLagSeconds.observe(Math.max(0, sentAt - slot.dueAt) / 1000);
  if (await store.markSent(sub.id, slot.key, owner, digest.articleIds, sentAt)) {
    log.info({ articles: digest.articleIds, attempts: job.attempts, lateMs: sentAt - slot.dueAt }, "digest sent");
  } else {
    log.error("digest sent but its claim was no longer ours: the chat may have received it twice");
  }
  return undefined;
}

async function handleFailure(job: DeliveryJob, err: DeliveryError, ctx: DeliveryContext, deadline: number): Promise<number | undefined> {
  const { store, clock, owner } = ctx;
  const { sub, slot } = job;
  const now = clock.now();
  const log = ctx.logger.child({ subscription: sub.id, platform: sub.platform, chat: sub.chatId, slot: slot.key });
  const close = (note: string) => {
    digestsTotal.inc({ outcome: "failed" });
    return store.closeClaim(sub.id, slot.key, owner, "failed", note, now);
  };

  if (err.failure === "gone") {
    const reason = `gone: ${err.details.code ?? ""} ${err.message}`.replace(/\s+/g, " ").trim();
    await store.disable(sub.id, reason, now);
    await close(reason);
    log.warn({ code: err.details.code, reason: err.message }, "chat refuses messages: digest subscription disabled");
    return undefined;
  }
  // Only a migration names the chat the group moved to.
  if (err.details.migratedTo) {
    const to = err.details.migratedTo;
    if (await store.moveChat(sub.id, to, now)) {
      log.info({ to }, "group migrated to a supergroup: subscription moved, sending there");
      job.sub = { ...sub, chatId: to };
      return 0;
    }
    await store.disable(sub.id, `migrated_conflict: ${to}`, now);
    await close(`migrated to ${to}, which has its own subscription`);
    log.warn({ to }, "group migrated to a chat that already has a subscription: this one disabled");
    return undefined;
  }

  // Only a rate limit says how long to wait.
  const wait = err.details.retryAfterMs ?? backoffMs(job.attempts);
  // A 429 from Telegram does not say whether it was for this chat or the whole bot: slow everyone down.
  if (err.failure === "rate_limited") ctx.limiter(sub.platform).pause(wait);
  if (ctx.stopping()) {
    // Shutting down: hand the claim back for the next instance rather than giving the slot up.
    await store.renewClaim({ subscriptionId: sub.id, slot: slot.key, dueAt: slot.dueAt, owner, leaseUntil: now - 1, now });
    return undefined;
  }
  if (job.attempts >= ctx.maxAttempts || now + wait > deadline) {
    const note = `gave up after ${job.attempts} tries: ${err.failure}: ${err.message}`;
    await close(note);
    log.error({ failure: err.failure, attempts: job.attempts, err: err.message }, "digest not delivered: retries ran out of the grace window");
    return undefined;
  }
  // Keep the claim for the wait and the next try.
  await store.renewClaim({ subscriptionId: sub.id, slot: slot.key, dueAt: slot.dueAt, owner, leaseUntil: now + wait + ctx.leaseMs, now });
  digestsTotal.inc({ outcome: "retried" });
  log.info({ failure: err.failure, retryInMs: wait, attempts: job.attempts }, "digest send failed; retrying");
  return wait;
}
