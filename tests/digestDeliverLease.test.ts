import { describe, expect, it } from "vitest";
import { attemptDelivery } from "../src/digest/deliver.js";
import type { Delivery } from "../src/store/types.js";
import { DUE, deliverySetUp as setUp, GRACE, LEASE, SLOT } from "./helpers/delivery.js";

/**
 * The claim's lease during one digest delivery: only the owner sends, and only
 * while its lease holds. A claim is renewed (the ledger counts renewals in
 * `attempts`) when it may have aged: a retry, a slow read, a long wait in the
 * pacer; a claim taken moments ago is sent on as it is (one query fewer per chat).
 */
describe("renewing the claim before a send", () => {
  it("GIVEN a first try moments after its claim THEN it sends on that claim without renewing it", async () => {
    const { ctx, job, platform, ledger } = await setUp();
    await attemptDelivery(job, ctx);
    expect(platform.sent).toHaveLength(1);
    expect(await ledger()).toMatchObject({ status: "sent", attempts: 0 });
  });

  it.each([
    [LEASE / 4 - 1, 0],
    [LEASE / 4, 1],
  ])("GIVEN a read of %i ms between the claim and the send THEN %i renewals (a claim a quarter of its lease old is renewed)", async (readMs, renewals) => {
    const { ctx, job, slowRead, ledger } = await setUp();
    slowRead(readMs);
    await attemptDelivery(job, ctx);
    expect(await ledger()).toMatchObject({ status: "sent", attempts: renewals });
  });

  it("GIVEN a slow read after the claim THEN while the digest is sent the claim holds for a full lease from the renewal", async () => {
    const { ctx, job, platform, slowRead, ledger } = await setUp();
    slowRead(3000);
    let during: Delivery | undefined;
    platform.whileSending = async () => void (during = await ledger());
    await attemptDelivery(job, ctx);
    expect(during).toMatchObject({ status: "claimed", owner: "me", attempts: 1, leaseUntil: DUE + 3000 + LEASE });
  });

  it("GIVEN a retry on a claim taken in an earlier try THEN while the digest is sent the claim holds for a full lease from the retry", async () => {
    const { store, sub, ctx, job, platform, ledger } = await setUp();
    await store.claimSlot({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "me", leaseUntil: DUE + 500, now: DUE - 5000 });
    let during: Delivery | undefined;
    platform.whileSending = async () => void (during = await ledger());
    await attemptDelivery({ ...job, owned: true, attempts: 1 }, ctx);
    expect(during).toMatchObject({ status: "claimed", attempts: 1, leaseUntil: DUE + LEASE });
  });
});

describe("a send the pacer holds", () => {
  it.each([
    [0, 0],
    [LEASE / 2, 0],
    [LEASE / 2 + 1, 1],
  ])("GIVEN the pacer holds a fresh claim's send for %i ms THEN %i renewals before it goes (renewed only past half the lease)", async (heldMs, renewals) => {
    const { ctx, job, platform, holdPacer, ledger } = await setUp();
    holdPacer(heldMs);
    await attemptDelivery(job, ctx);
    expect(platform.sent).toHaveLength(1);
    expect(await ledger()).toMatchObject({ status: "sent", attempts: renewals });
  });

  it("GIVEN the pacer holds the send past half the lease THEN while it is sent the claim holds for a full lease from the send", async () => {
    const { ctx, job, platform, holdPacer, ledger } = await setUp();
    holdPacer(8000);
    let during: Delivery | undefined;
    platform.whileSending = async () => void (during = await ledger());
    await attemptDelivery(job, ctx);
    expect(during).toMatchObject({ status: "claimed", attempts: 1, leaseUntil: DUE + 8000 + LEASE });
  });

  it("GIVEN another instance takes the claim over while the pacer holds the send THEN nothing is sent and a warning says the claim was lost while paced", async () => {
    const { store, sub, ctx, job, platform, clock, holdPacer, logged } = await setUp();
    holdPacer(LEASE + 1, async () => {
      await store.takeOverClaim({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "other", leaseUntil: clock.now() + LEASE, now: clock.now() });
    });
    await attemptDelivery(job, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect(logged(40)).toEqual([expect.objectContaining({ chat: "-100", msg: expect.stringContaining("lost to another instance while paced") })]);
  });

  it("GIVEN the instance starts stopping while the pacer holds the send THEN nothing is sent and the claim is handed back", async () => {
    const { store, sub, ctx, job, platform, clock, holdPacer, stop } = await setUp();
    holdPacer(100, stop);
    await attemptDelivery(job, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect((await store.expiredClaims(clock.now())).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });

  it("GIVEN the pacer holds the send past the grace window THEN the slot is skipped and nothing is sent", async () => {
    const { ctx, job, platform, holdPacer, ledger } = await setUp();
    holdPacer(GRACE + 1);
    await attemptDelivery(job, ctx);
    expect(platform.attempts).toHaveLength(0);
    expect(await ledger()).toMatchObject({ status: "skipped" });
  });
});

describe("a claim lost while the send is in flight", () => {
  it("GIVEN another instance takes the claim over before the platform answers THEN an error line says the chat may have received the digest twice", async () => {
    const { store, sub, ctx, job, platform, clock, logged } = await setUp();
    platform.whileSending = async () => {
      clock.advance(LEASE + 1);
      await store.takeOverClaim({ subscriptionId: sub.id, slot: SLOT, dueAt: DUE, owner: "other", leaseUntil: clock.now() + LEASE, now: clock.now() });
    };
    await attemptDelivery(job, ctx);
    expect(platform.sent).toHaveLength(1);
    expect(logged(50)).toEqual([expect.objectContaining({ chat: "-100", msg: expect.stringContaining("may have received it twice") })]);
  });
});
