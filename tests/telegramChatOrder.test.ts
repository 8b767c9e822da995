import { describe, expect, it } from "vitest";
import { chatQueue } from "../src/platforms/telegram/chatOrder.js";

/**
 * The per-chat order of Telegram updates (bot.ts): one chat's updates one after another, other
 * chats at once. Driven with hand-resolved promises, so what runs when is decided by the test.
 */
const order = chatQueue();
const ctx = (key?: string) => key;

function gate() {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe("chatQueue", () => {
  it("GIVEN an update of a chat still being handled THEN the chat's next update waits for it", async () => {
    const first = gate();
    const ran: string[] = [];
    const a = order(ctx("1"), () => first.promise.then(() => void ran.push("first")));
    const b = order(ctx("1"), async () => void ran.push("second"));
    await Promise.resolve();
    expect(ran).toEqual([]);
    first.open();
    await Promise.all([a, b]);
    expect(ran).toEqual(["first", "second"]);
  });

  it("GIVEN a busy chat THEN another chat's update runs at once", async () => {
    const busy = gate();
    const ran: string[] = [];
    void order(ctx("1"), () => busy.promise);
    await order(ctx("2"), async () => void ran.push("other chat"));
    expect(ran).toEqual(["other chat"]);
    busy.open();
  });

  it("GIVEN an update that fails THEN its error reaches the caller and the chat's next update still runs", async () => {
    const first = gate();
    const a = order(ctx("1"), () => first.promise);
    let ranNext = false;
    const b = order(ctx("1"), async () => void (ranNext = true));
    first.fail(new Error("boom"));
    await expect(a).rejects.toThrow("boom");
    await b;
    expect(ranNext).toBe(true);
  });

  it("GIVEN an update with no chat or user THEN it runs at once, outside any order", async () => {
    const busy = gate();
    void order(ctx("1"), () => busy.promise);
    let ran = false;
    await order(ctx(undefined), async () => void (ran = true));
    expect(ran).toBe(true);
    busy.open();
  });
});
