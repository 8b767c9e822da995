import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/digest/clock.js";
import { attemptDelivery, backoffMs, type DeliveryContext, type DeliveryJob } from "../src/digest/deliver.js";
import { PacingLimiter, UNPACED } from "../src/digest/pacing.js";
import { digestsTotal } from "../src/ops/metrics.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { library } from "./helpers/core.js";
import { FakePlatform, gone, rateLimited, recordingLogger, subscription, transient } from "./helpers/digest.js";

/**
 * One digest delivery, try by try, on a real SQLite ledger and a manual clock:
 * what is claimed, sent, recorded, counted and logged for each outcome.
 */
const DUE = Date.UTC(2024, 2, 4, 0, 0);
const GRACE = 60_000;
const LEASE = 10_000;

async function setUp(options: { stopping?: () => boolean; platform?: boolean; maxAttempts?: number } = {}) {
  const store = new SqliteSubscriptionStore(":memory:");
  const clock = new ManualClock(DUE);
  const sub = await store.subscribe(subscription("-100"), DUE - 1000);
  const platform = new FakePlatform("telegram", clock);
  const limiter = new PacingLimiter(UNPACED, clock);
  const paused: number[] = [];
  limiter.pause = (ms: number) => void paused.push(ms);
  const log = recordingLogger();
  const ctx: DeliveryContext = {
    store,
    clock,
    owner: "me",
    graceMs: GRACE,
    leaseMs: LEASE,
    maxAttempts: options.maxAttempts ?? 3,
    library: () => library,
    platform: () => (options.platform === false ? undefined : platform),
    limiter: () => limiter,
    logger: log.logger,
    stopping: options.stopping ?? (() => false),
  };
  const job: DeliveryJob = { sub, slot: { key: "2024-03-04", dueAt: DUE }, takeover: false, owned: false, attempts: 0 };
  return { store, clock, sub, platform, ctx, job, log, paused };
}

const counted = async (outcome: string) => (await digestsTotal.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

describe("back-off between tries", () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [3, 0.5, 3000],
    [20, 0, 150_000],
    [20, 1, 300_000],
  ])("GIVEN try %i and a draw of %d THEN the wait is %i ms (half to all of 1 s doubling per try, at most 5 min)", (attempt, draw, ms) => {
    expect(backoffMs(attempt, () => draw)).toBe(ms);
  });
});

describe("a try that sends", () => {
  it("GIVEN a due slot THEN the digest is sent, recorded as sent with its articles, counted and logged", async () => {
    const { store, sub, platform, ctx, job, log } = await setUp();
    const before = await counted("sent");
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(platform.sent).toHaveLength(1);
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "sent", owner: "me" });
    expect(await counted("sent")).toBe(before + 1);
    expect(log.lines().find((l) => l.msg === "digest sent")).toMatchObject({ subscription: sub.id, attempts: 1, lateMs: 0 });
  });

  it("GIVEN a claim taken over from an instance that died THEN it is sent, with a warning that the chat may get it twice", async () => {
    const { platform, ctx, job, log, store, sub } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "2024-03-04", dueAt: DUE, owner: "dead", leaseUntil: DUE - 1, now: DUE - 5000 });
    expect(await attemptDelivery({ ...job, takeover: true, orphanedBy: "dead" }, ctx)).toBeUndefined();
    expect(platform.sent).toHaveLength(1);
    expect(log.lines().find((l) => l.level === 40)).toMatchObject({ deadOwner: "dead" });
  });

  it("GIVEN the slot already claimed by another instance THEN nothing is sent", async () => {
    const { platform, ctx, job, store, sub } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "2024-03-04", dueAt: DUE, owner: "other", leaseUntil: DUE + LEASE, now: DUE });
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(platform.attempts).toHaveLength(0);
  });
});

describe("a try that does not send", () => {
  it("GIVEN the grace window over THEN the slot is closed as skipped, counted, and nothing sent", async () => {
    const { store, sub, platform, ctx, job, clock } = await setUp();
    clock.set(DUE + GRACE + 1);
    const before = await counted("skipped");
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(platform.attempts).toHaveLength(0);
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "skipped", note: "grace window over before sending" });
    expect(await counted("skipped")).toBe(before + 1);
  });

  it("GIVEN exactly the end of the grace window THEN it is still sent", async () => {
    const { platform, ctx, job, clock } = await setUp();
    clock.set(DUE + GRACE);
    await attemptDelivery(job, ctx);
    expect(platform.sent).toHaveLength(1);
  });

  it("GIVEN nothing new for the chat THEN the slot is closed as empty and counted", async () => {
    const { store, sub, ctx, job, platform } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "earlier", dueAt: DUE - 86_400_000, owner: "me", leaseUntil: DUE, now: DUE - 86_400_000 });
    await store.markSent(sub.id, "earlier", "me", library.articles.map((a) => a.id), DUE - 86_400_000);
    const before = await counted("empty");
    await attemptDelivery(job, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "empty", note: "nothing new" });
    expect(await counted("empty")).toBe(before + 1);
  });

  it("GIVEN the instance stopping before it claims THEN nothing is claimed", async () => {
    const { store, sub, ctx, job } = await setUp({ stopping: () => true });
    await attemptDelivery(job, ctx);
    expect(await store.delivery(sub.id, "2024-03-04")).toBeUndefined();
  });

  it("GIVEN the instance stopping after it claimed THEN the claim is handed back (its lease already over)", async () => {
    const { store, sub, ctx, job } = await setUp({ stopping: () => true });
    await store.claimSlot({ subscriptionId: sub.id, slot: "2024-03-04", dueAt: DUE, owner: "me", leaseUntil: DUE + LEASE, now: DUE });
    await attemptDelivery({ ...job, owned: true }, ctx);
    expect((await store.expiredClaims(DUE)).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });

  it("GIVEN the platform not running in this instance THEN the claim is handed back and nothing sent", async () => {
    const { store, sub, ctx, job } = await setUp({ platform: false });
    await attemptDelivery(job, ctx);
    expect((await store.expiredClaims(DUE)).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });

  it("GIVEN the claim lost to another instance before sending THEN nothing is sent", async () => {
    const { store, sub, ctx, job, platform, clock } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "2024-03-04", dueAt: DUE - 1, owner: "me", leaseUntil: DUE - 1, now: DUE - 1 });
    await store.takeOverClaim({ subscriptionId: sub.id, slot: "2024-03-04", dueAt: DUE, owner: "other", leaseUntil: DUE + LEASE, now: clock.now() });
    await attemptDelivery({ ...job, owned: true }, ctx);
    expect(platform.attempts).toHaveLength(0);
  });
});

describe("a try that fails", () => {
  it("GIVEN a chat that refuses messages THEN the subscription is disabled with the code and the slot closed as failed", async () => {
    const { store, sub, ctx, job, platform } = await setUp();
    platform.failures.set("-100", [gone(403, "Forbidden:   bot was kicked")]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect((await store.getById(sub.id))?.disabledReason).toBe("gone: 403 Forbidden: bot was kicked");
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "failed" });
  });

  it("GIVEN a 429 THEN the wait is the platform's retry_after, everyone is paused for it, the claim kept for the wait, and the retry counted", async () => {
    const { store, sub, ctx, job, platform, paused } = await setUp();
    platform.failures.set("-100", [rateLimited(7000)]);
    const before = await counted("retried");
    expect(await attemptDelivery(job, ctx)).toBe(7000);
    expect(paused).toEqual([7000]);
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "claimed", leaseUntil: DUE + 7000 + LEASE });
    expect(await counted("retried")).toBe(before + 1);
  });

  it("GIVEN a server error THEN nobody else is paused and the wait is a back-off", async () => {
    const { ctx, job, platform, paused } = await setUp();
    platform.failures.set("-100", [transient()]);
    const wait = await attemptDelivery(job, ctx);
    expect(paused).toEqual([]);
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThanOrEqual(1000);
  });

  it("GIVEN the last try allowed failing THEN the slot is closed as failed, saying how many tries", async () => {
    const { store, sub, ctx, job, platform } = await setUp({ maxAttempts: 1 });
    platform.failures.set("-100", [transient()]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "failed", note: "gave up after 1 tries: transient: Internal Server Error" });
  });

  it("GIVEN a wait that would end past the grace window THEN it gives up now", async () => {
    const { store, sub, ctx, job, platform } = await setUp();
    platform.failures.set("-100", [rateLimited(GRACE + 1)]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "failed" });
  });

  it("GIVEN an error that is not a delivery failure THEN the slot is closed as failed with its message, not retried", async () => {
    const { store, sub, ctx, job, platform } = await setUp();
    platform.failures.set("-100", [new Error("Bad Request: can't parse entities") as never]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await store.delivery(sub.id, "2024-03-04")).toMatchObject({ status: "failed", note: "error: Bad Request: can't parse entities" });
  });
});
