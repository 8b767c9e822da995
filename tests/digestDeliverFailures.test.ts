import { describe, expect, it } from "vitest";
import { DeliveryError } from "../src/core/platform.js";
import { attemptDelivery } from "../src/digest/deliver.js";
import { gone, migrated, rateLimited, subscription, transient } from "./helpers/digest.js";
import { counted, DUE, deliverySetUp as setUp, GRACE } from "./helpers/delivery.js";

/**
 * A digest try that the platform refuses: what the ledger, the subscription,
 * /metrics and the log say afterwards, as an operator reads them.
 */
describe("a chat that is gone", () => {
  it("GIVEN a refusal with no error code and a description ending in a newline THEN the recorded reason is one clean line", async () => {
    const { store, sub, ctx, job, platform } = await setUp();
    platform.failures.set("-100", [new DeliveryError("gone", "Unknown Channel\n")]);
    await attemptDelivery(job, ctx);
    expect((await store.getById(sub.id))?.disabledReason).toBe("gone: Unknown Channel");
  });

  it("GIVEN a chat that refuses messages THEN the failure is counted and a warning gives the chat, the code and the platform's reason", async () => {
    const { sub, ctx, job, platform, logged } = await setUp();
    platform.failures.set("-100", [gone(403, "Forbidden: bot was kicked")]);
    const before = await counted("failed");
    await attemptDelivery(job, ctx);
    expect(await counted("failed")).toBe(before + 1);
    expect(logged(40)).toEqual([
      expect.objectContaining({ subscription: sub.id, chat: "-100", code: 403, reason: "Forbidden: bot was kicked", msg: expect.stringContaining("disabled") }),
    ]);
  });
});

describe("a group that migrated to a supergroup", () => {
  it("GIVEN the new chat id THEN the subscription moves there, the next try comes at once, and an info line names the new chat", async () => {
    const { store, sub, ctx, job, platform, logged } = await setUp();
    platform.failures.set("-100", [migrated("-1001")]);
    expect(await attemptDelivery(job, ctx)).toBe(0);
    expect(job.sub.chatId).toBe("-1001");
    expect((await store.getById(sub.id))?.chatId).toBe("-1001");
    expect(logged(30)).toEqual([expect.objectContaining({ to: "-1001", msg: expect.stringContaining("migrated") })]);
  });

  it("GIVEN the new chat has its own subscription THEN this one is disabled, the slot failed saying where the group went, and a warning names the chat", async () => {
    const { store, sub, ctx, job, platform, ledger, logged } = await setUp();
    await store.subscribe(subscription("-1001"), DUE - 1000);
    platform.failures.set("-100", [migrated("-1001")]);
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect((await store.getById(sub.id))?.disabledReason).toBe("migrated_conflict: -1001");
    expect(await ledger()).toMatchObject({ status: "failed", note: "migrated to -1001, which has its own subscription" });
    expect(logged(40)).toEqual([expect.objectContaining({ to: "-1001", msg: expect.stringContaining("already has a subscription") })]);
  });
});

describe("a try to retry", () => {
  it("GIVEN a failure worth retrying THEN an info line gives the failure, the wait and the try", async () => {
    const { ctx, job, platform, logged } = await setUp();
    platform.failures.set("-100", [rateLimited(7000)]);
    await attemptDelivery(job, ctx);
    expect(logged(30)).toEqual([expect.objectContaining({ failure: "rate_limited", retryInMs: 7000, attempts: 1, msg: expect.stringContaining("retrying") })]);
  });

  it("GIVEN a wait that ends exactly at the end of the grace window THEN it is still retried", async () => {
    const { ctx, job, platform, ledger } = await setUp();
    platform.failures.set("-100", [rateLimited(GRACE)]);
    expect(await attemptDelivery(job, ctx)).toBe(GRACE);
    expect(await ledger()).toMatchObject({ status: "claimed" });
  });

  it("GIVEN the last try failing THEN the failure is counted and an error line gives the failure, the tries and the platform's message", async () => {
    const { ctx, job, platform, logged } = await setUp({ maxAttempts: 1 });
    platform.failures.set("-100", [transient()]);
    const before = await counted("failed");
    await attemptDelivery(job, ctx);
    expect(await counted("failed")).toBe(before + 1);
    expect(logged(50)).toEqual([expect.objectContaining({ failure: "transient", attempts: 1, err: "Internal Server Error", chat: "-100" })]);
  });

  it("GIVEN the instance starts stopping while a try fails THEN the claim is handed back for the next instance, not given up", async () => {
    const { store, sub, ctx, job, platform, stop, ledger } = await setUp();
    platform.failures.set("-100", [transient()]);
    platform.whileSending = stop;
    expect(await attemptDelivery(job, ctx)).toBeUndefined();
    expect(await ledger()).toMatchObject({ status: "claimed" });
    expect((await store.expiredClaims(DUE)).map((d) => d.subscriptionId)).toEqual([sub.id]);
  });
});
