import { describe, expect, it } from "vitest";
import { attemptDelivery, backoffMs } from "../src/digest/deliver.js";
import { library } from "./helpers/core.js";
import { gone, rateLimited, transient } from "./helpers/digest.js";
import { counted, DUE, deliverySetUp as setUp, duplicateRisks, fanOutLag, GRACE, LEASE, SLOT } from "./helpers/delivery.js";

/**
 * One digest delivery, try by try, on a real SQLite ledger and a manual clock:
 * what is claimed, sent, recorded, counted and logged for each outcome.
 * The lease and its renewals: tests/digestDeliverLease.test.ts; failures: tests/digestDeliverFailures.test.ts.
 */
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
    expect(await store.delivery(sub.id, SLOT)).toMatchObject({ status: "sent", owner: "me" });
    expect(await counted("sent")).toBe(before + 1);
    expect(log.lines().find((l) => l.msg === "digest sent")).toMatchObject({ subscription: sub.id, attempts: 1, lateMs: 0 });
  });

  it("GIVEN a digest sent 45 s after its due minute THEN the fan-out lag metric observes one send of 45 s", async () => {
    const { ctx, job, clock } = await setUp();
    clock.set(DUE + 45_000);
    const before = await fanOutLag();
    await attemptDelivery(job, ctx);
    const after = await fanOutLag();
    expect(after.count - before.count).toBe(1);
    expect(after.sum - before.sum).toBeCloseTo(45, 6);
  });

  it("GIVEN a claim taken over from an instance that died THEN it is sent, counted as a duplicate risk, and a warning names the dead owner and the risk", async () => {
    const { platform, ctx, job, store, sub, logged } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "dead", leaseUntil: DUE - 1, now: DUE - 5000 });
    const before = await duplicateRisks();
    expect(await attemptDelivery({ ...job, takeover: true, orphanedBy: "dead" }, ctx)).toBeUndefined();
    expect(platform.sent).toHaveLength(1);
    expect(await duplicateRisks()).toBe(before + 1);
    expect(logged(40)).toEqual([expect.objectContaining({ deadOwner: "dead", chat: "-100", msg: expect.stringContaining("may have been delivered twice") })]);
  });

  it("GIVEN a claim handed back by a stopping instance and taken over THEN it is sent with no duplicate-risk warning or count", async () => {
    const { platform, ctx, job, store, sub, logged } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "stopped", leaseUntil: DUE - 1, now: DUE - 5000 });
    const before = await duplicateRisks();
    await attemptDelivery({ ...job, takeover: true }, ctx);
    expect(platform.sent).toHaveLength(1);
    expect(await duplicateRisks()).toBe(before);
    expect(logged(40)).toEqual([]);
  });

  it("GIVEN the slot already claimed by another instance THEN nothing is sent", async () => {
    const { platform, ctx, job, store, sub } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "other", leaseUntil: DUE + LEASE, now: DUE });
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(platform.attempts).toHaveLength(0);
  });
});

describe("a try that does not send", () => {
  it("GIVEN the grace window over THEN the slot is closed as skipped, counted, logged with its due time, and nothing sent", async () => {
    const { platform, ctx, job, clock, ledger, logged } = await setUp();
    clock.set(DUE + GRACE + 1);
    const before = await counted("skipped");
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(platform.attempts).toHaveLength(0);
    expect(await ledger()).toMatchObject({ status: "skipped", note: "grace window over before sending" });
    expect(await counted("skipped")).toBe(before + 1);
    expect(logged(40)).toEqual([expect.objectContaining({ dueAt: "2024-03-04T00:00:00.000Z", msg: expect.stringContaining("skipped") })]);
  });

  it("GIVEN the grace window over and nothing new for the chat THEN the slot is recorded as skipped, not as empty", async () => {
    const { store, sub, ctx, job, clock, ledger } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "earlier", dueAt: DUE - 86_400_000, owner: "me", leaseUntil: DUE, now: DUE - 86_400_000 });
    await store.markSent(sub.id, "earlier", "me", library.articles.map((a) => a.id), DUE - 86_400_000);
    clock.set(DUE + GRACE + 1);
    await attemptDelivery(job, ctx);
    expect(await ledger()).toMatchObject({ status: "skipped" });
  });

  it("GIVEN exactly the end of the grace window THEN it is still sent", async () => {
    const { platform, ctx, job, clock } = await setUp();
    clock.set(DUE + GRACE);
    await attemptDelivery(job, ctx);
    expect(platform.sent).toHaveLength(1);
  });

  it("GIVEN nothing new for the chat THEN the slot is closed as empty, counted, and a debug line says why nothing was sent", async () => {
    const { store, sub, ctx, job, platform, ledger, logged } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: "earlier", dueAt: DUE - 86_400_000, owner: "me", leaseUntil: DUE, now: DUE - 86_400_000 });
    await store.markSent(sub.id, "earlier", "me", library.articles.map((a) => a.id), DUE - 86_400_000);
    const before = await counted("empty");
    await attemptDelivery(job, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect(await ledger()).toMatchObject({ status: "empty", note: "nothing new" });
    expect(await counted("empty")).toBe(before + 1);
    expect(logged(20)).toEqual([expect.objectContaining({ subscription: sub.id, msg: expect.stringContaining("no new article") })]);
  });

  it("GIVEN the instance stopping before it claims THEN nothing is claimed", async () => {
    const { ctx, job, stop, ledger } = await setUp();
    stop();
    await attemptDelivery(job, ctx);
    expect(await ledger()).toBeUndefined();
  });

  it("GIVEN the instance stopping after it claimed THEN the claim is handed back (its lease already over)", async () => {
    const { store, sub, ctx, job, stop } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "me", leaseUntil: DUE + LEASE, now: DUE });
    stop();
    await attemptDelivery({ ...job, owned: true }, ctx);
    expect((await store.expiredClaims(DUE)).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });

  it("GIVEN the platform not running in this instance THEN the claim is handed back and nothing sent", async () => {
    const { store, sub, ctx, job } = await setUp({ platform: false });
    await attemptDelivery(job, ctx);
    expect((await store.expiredClaims(DUE)).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });

  it("GIVEN the claim lost to another instance before sending THEN nothing is sent and a warning says the claim was lost", async () => {
    const { store, sub, ctx, job, platform, clock, logged } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE - 1, owner: "me", leaseUntil: DUE - 1, now: DUE - 1 });
    await store.takeOverClaim({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "other", leaseUntil: DUE + LEASE, now: clock.now() });
    await attemptDelivery({ ...job, owned: true }, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect(logged(40)).toEqual([expect.objectContaining({ chat: "-100", msg: expect.stringContaining("claim lost to another instance") })]);
  });
});

describe("a try that fails", () => {
  it("GIVEN a chat that refuses messages THEN the subscription is disabled with the code and the slot closed as failed", async () => {
    const { store, sub, ctx, job, platform, ledger } = await setUp();
    platform.failures.set("-100", [gone(403, "Forbidden:   bot was kicked")]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect((await store.getById(sub.id))?.disabledReason).toBe("gone: 403 Forbidden: bot was kicked");
    expect(await ledger()).toMatchObject({ status: "failed" });
  });

  it("GIVEN a 429 THEN the wait is the platform's retry_after, everyone is paused for it, the claim kept for the wait, and the retry counted", async () => {
    const { ctx, job, platform, paused, ledger } = await setUp();
    platform.failures.set("-100", [rateLimited(7000)]);
    const before = await counted("retried");
    expect(await attemptDelivery(job, ctx)).toBe(7000);
    expect(paused).toEqual([7000]);
    expect(await ledger()).toMatchObject({ status: "claimed", leaseUntil: DUE + 7000 + LEASE });
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
    const { ctx, job, platform, ledger } = await setUp({ maxAttempts: 1 });
    platform.failures.set("-100", [transient()]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await ledger()).toMatchObject({ status: "failed", note: "gave up after 1 tries: transient: Internal Server Error" });
  });

  it("GIVEN a wait that would end past the grace window THEN it gives up now", async () => {
    const { ctx, job, platform, ledger } = await setUp();
    platform.failures.set("-100", [rateLimited(GRACE + 1)]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await ledger()).toMatchObject({ status: "failed" });
  });

  it("GIVEN an error that is not a delivery failure THEN the slot is closed as failed with its message, counted, logged as an error, not retried", async () => {
    const { ctx, job, platform, ledger, logged } = await setUp();
    platform.failures.set("-100", [new Error("Bad Request: can't parse entities") as never]);
    const before = await counted("failed");
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await ledger()).toMatchObject({ status: "failed", note: "error: Bad Request: can't parse entities" });
    expect(await counted("failed")).toBe(before + 1);
    expect(logged(50)).toEqual([expect.objectContaining({ chat: "-100", err: expect.objectContaining({ message: "Bad Request: can't parse entities" }) })]);
  });
});
