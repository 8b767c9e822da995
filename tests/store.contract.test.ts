import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PostgresSubscriptionStore } from "../src/store/postgres/store.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import type { SubscriptionStore } from "../src/store/types.js";
import { subscription, tempDataDir } from "./helpers/digest.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";

/**
 * One specification for every SubscriptionStore: each test gets a fresh,
 * empty database. `open` connects to it; `again` opens a second, independent
 * connection to the same database (another instance).
 */
interface Backend {
  kind: string;
  /** Creates an empty database and returns how to connect to it. */
  database(): Promise<() => Promise<SubscriptionStore>>;
}

const sqlite: Backend = {
  kind: "SQLite",
  async database() {
    const path = join(tempDataDir(), "kabar.db");
    return async () => new SqliteSubscriptionStore(path);
  },
};

const postgres: Backend = {
  kind: "PostgreSQL",
  async database() {
    const url = await freshPostgresDatabase();
    return () => PostgresSubscriptionStore.open(url, { max: 4 });
  },
};
notePostgresSkipped();

const T0 = Date.UTC(2024, 2, 4, 0, 0);
const claim = (subscriptionId: number, owner: string, now = T0, lease = 60_000) => ({
  subscriptionId,
  slot: "2024-03-04",
  dueAt: T0,
  owner,
  leaseUntil: now + lease,
  now,
});

const opened: SubscriptionStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

for (const { kind, database } of [sqlite, postgres]) {
  describe.skipIf(kind === "PostgreSQL" && !postgresUrl)(`${kind} store`, () => {
    let connect: () => Promise<SubscriptionStore>;
    const again = async () => {
      const store = await connect();
      opened.push(store);
      return store;
    };
    const open = async () => {
      connect = await database();
      return again();
    };

    describe(`${kind} store: subscriptions`, () => {
      it("GIVEN a chat subscribes twice THEN it has one subscription with the new settings", async () => {
        const store = await open();
        const a = await store.subscribe(subscription("42"), T0);
        const b = await store.subscribe(subscription("42", { time: "08:15", timeZone: "Asia/Makassar", lang: "en", mode: "always" }), T0 + 1000);
        expect(b.id).toBe(a.id);
        expect(b).toMatchObject({ time: "08:15", timeZone: "Asia/Makassar", lang: "en", mode: "always", active: true, scheduleSetAt: T0 + 1000 });
        expect(await store.active()).toHaveLength(1);
      });

      it("GIVEN only the language changes THEN the schedule start stays (no slot is lost or re-promised)", async () => {
        const store = await open();
        await store.subscribe(subscription("42"), T0);
        const b = await store.subscribe(subscription("42", { lang: "en" }), T0 + 5000);
        expect(b.scheduleSetAt).toBe(T0);
      });

      it("GIVEN an unsubscribed chat subscribes again THEN it is active again with no reason", async () => {
        const store = await open();
        await store.subscribe(subscription("42"), T0);
        expect(await store.unsubscribe("telegram", "42", T0)).toBe(true);
        expect(await store.get("telegram", "42")).toMatchObject({ active: false, disabledReason: "unsubscribed" });
        expect(await store.unsubscribe("telegram", "42", T0)).toBe(false);
        const again = await store.subscribe(subscription("42"), T0 + 1);
        expect(again.active).toBe(true);
        expect(again.disabledReason).toBeUndefined();
      });

      it("GIVEN the same chat id on two platforms THEN they are two subscriptions", async () => {
        const store = await open();
        await store.subscribe(subscription("42"), T0);
        await store.subscribe(subscription("42", { platform: "discord" }), T0);
        expect(await store.active()).toHaveLength(2);
      });

      it("GIVEN a chat moves to a chat id that has no subscription THEN it moves; to one that has THEN it refuses", async () => {
        const store = await open();
        const a = await store.subscribe(subscription("-1001"), T0);
        const b = await store.subscribe(subscription("-1002"), T0);
        expect(await store.moveChat(a.id, "-1003", T0)).toBe(true);
        expect((await store.getById(a.id))!.chatId).toBe("-1003");
        expect(await store.moveChat(b.id, "-1003", T0)).toBe(false);
      });
    });

    describe(`${kind} store: delivery ledger`, () => {
      it("GIVEN a slot claimed by one owner THEN a second claim of the same slot fails", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        expect(await store.claimSlot(claim(id, "a"))).toBe(true);
        expect(await store.claimSlot(claim(id, "b"))).toBe(false);
      });

      it("GIVEN two connections to one database claiming the same slot THEN exactly one wins", async () => {
        const a = await open();
        const b = await again();
        const { id } = await a.subscribe(subscription("1"), T0);
        const wins = [await a.claimSlot(claim(id, "a")), await b.claimSlot(claim(id, "b"))];
        expect(wins.filter(Boolean)).toHaveLength(1);
      });

      it("GIVEN a claim whose lease has not run out THEN nobody can take it over; once it has THEN one owner can", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        await store.claimSlot(claim(id, "dead", T0, 60_000));
        expect(await store.expiredClaims(T0 + 30_000)).toHaveLength(0);
        expect(await store.takeOverClaim(claim(id, "b", T0 + 30_000))).toBe(false);
        expect(await store.expiredClaims(T0 + 61_000)).toHaveLength(1);
        expect(await store.takeOverClaim(claim(id, "b", T0 + 61_000))).toBe(true);
        expect(await store.takeOverClaim(claim(id, "c", T0 + 61_000))).toBe(false);
        expect((await store.delivery(id, "2024-03-04"))!.owner).toBe("b");
      });

      it("GIVEN a claim THEN only its owner can mark it sent, and the articles count as received", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        await store.claimSlot(claim(id, "a"));
        expect(await store.markSent(id, "2024-03-04", "b", ["x"], T0)).toBe(false);
        expect(await store.markSent(id, "2024-03-04", "a", ["x", "y"], T0)).toBe(true);
        expect(await store.markSent(id, "2024-03-04", "a", ["x"], T0)).toBe(false);
        expect([...(await store.receivedArticles(id))].sort()).toEqual(["x", "y"]);
        expect(await store.lastSent(id)).toMatchObject({ status: "sent", articleIds: ["x", "y"] });
      });

      it("GIVEN slots claimed, sent, skipped and never touched THEN recordedSlots names exactly the ones with a row", async () => {
        const store = await open();
        const ids = [];
        for (const chat of ["1", "2", "3", "4"]) ids.push((await store.subscribe(subscription(chat), T0)).id);
        const [claimed, sent, skipped, untouched] = ids as [number, number, number, number];
        await store.claimSlot(claim(claimed, "a"));
        await store.claimSlot(claim(sent, "a"));
        await store.markSent(sent, "2024-03-04", "a", [], T0);
        await store.recordSkipped(skipped, "2024-03-04", T0, "missed", T0);
        const asked = [claimed, sent, skipped, untouched].map((subscriptionId) => ({ subscriptionId, slot: "2024-03-04" }));
        const otherDay = { subscriptionId: sent, slot: "2024-03-05" };
        expect([...(await store.recordedSlots([...asked, otherDay]))].sort()).toEqual(
          [`${claimed}|2024-03-04`, `${sent}|2024-03-04`, `${skipped}|2024-03-04`].sort(),
        );
        expect(await store.recordedSlots([])).toEqual(new Set());
      });

      it("GIVEN its owner closes a claim THEN that succeeds and the slot keeps the status and the note, its lease ended", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        await store.claimSlot(claim(id, "a"));
        expect(await store.closeClaim(id, "2024-03-04", "a", "failed", "gave up", T0 + 5)).toBe(true);
        const closed = await store.delivery(id, "2024-03-04");
        expect(closed).toMatchObject({ status: "failed", note: "gave up" });
        expect(closed).not.toHaveProperty("leaseUntil");
      });

      it("GIVEN a slot with no row THEN recordSkipped records it as skipped, with its note", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        expect(await store.recordSkipped(id, "2024-03-04", T0, "missed", T0)).toBe(true);
        expect(await store.delivery(id, "2024-03-04")).toMatchObject({ status: "skipped", note: "missed" });
      });

      it("GIVEN a slot already recorded THEN recordSkipped does not overwrite it", async () => {
        const store = await open();
        const { id } = await store.subscribe(subscription("1"), T0);
        await store.claimSlot(claim(id, "a"));
        expect(await store.recordSkipped(id, "2024-03-04", T0, "missed", T0)).toBe(false);
        expect((await store.delivery(id, "2024-03-04"))!.status).toBe("claimed");
      });
    });

    describe(`${kind} store: two claim holders in flight`, () => {
      it("GIVEN two instances each holding a claim on its own chat THEN neither can renew, close or mark sent the other's", async () => {
        const a = await open();
        const b = await again();
        const one = await a.subscribe(subscription("1"), T0);
        const two = await a.subscribe(subscription("2"), T0);
        const [claimedA, claimedB] = await Promise.all([a.claimSlot(claim(one.id, "a")), b.claimSlot(claim(two.id, "b"))]);
        expect([claimedA, claimedB]).toEqual([true, true]);
        expect(await b.renewClaim(claim(one.id, "b", T0 + 1000))).toBe(false);
        expect(await a.renewClaim(claim(two.id, "a", T0 + 1000))).toBe(false);
        expect(await b.markSent(one.id, "2024-03-04", "b", ["x"], T0)).toBe(false);
        expect(await a.closeClaim(two.id, "2024-03-04", "a", "failed", "not mine", T0)).toBe(false);
        expect(await a.renewClaim(claim(one.id, "a", T0 + 1000))).toBe(true);
        expect(await a.markSent(one.id, "2024-03-04", "a", ["x"], T0)).toBe(true);
        expect(await b.markSent(two.id, "2024-03-04", "b", ["y"], T0)).toBe(true);
        expect((await a.delivery(one.id, "2024-03-04"))!.attempts).toBe(1);
        expect(await b.receivedArticles(one.id)).toEqual(new Set(["x"]));
      });

      it("GIVEN an instance whose expired claim was taken over while it was held THEN it can no longer renew, close or mark it", async () => {
        const a = await open();
        const b = await again();
        const { id } = await a.subscribe(subscription("1"), T0);
        expect(await a.claimSlot(claim(id, "a", T0, 60_000))).toBe(true);
        expect(await b.takeOverClaim(claim(id, "b", T0 + 61_000))).toBe(true);
        // "a" wakes up (its send was held by the pacer) while "b" is still sending: the claim is b's.
        expect(await a.renewClaim(claim(id, "a", T0 + 62_000))).toBe(false);
        expect(await a.markSent(id, "2024-03-04", "a", ["x"], T0 + 62_000)).toBe(false);
        expect(await a.closeClaim(id, "2024-03-04", "a", "failed", "x", T0 + 62_000)).toBe(false);
        expect(await b.renewClaim(claim(id, "b", T0 + 62_000))).toBe(true);
        expect(await b.delivery(id, "2024-03-04")).toMatchObject({ status: "claimed", owner: "b", leaseUntil: T0 + 62_000 + 60_000 });
        expect(await b.markSent(id, "2024-03-04", "b", ["x"], T0 + 63_000)).toBe(true);
      });

      it("GIVEN many instances racing for the same slots at once THEN every slot has exactly one owner", async () => {
        const first = await open();
        const others = [first, await again(), await again()];
        const subs = await Promise.all(["1", "2", "3", "4", "5"].map((c) => first.subscribe(subscription(c), T0)));
        const wins = await Promise.all(
          subs.flatMap((s) => others.map((store, i) => store.claimSlot(claim(s.id, `i${i}`)).then((won) => (won ? s.id : undefined)))),
        );
        expect(wins.filter((w) => w !== undefined).sort()).toEqual(subs.map((s) => s.id).sort());
      });

      it("GIVEN an expired claim and two instances taking it over at once THEN exactly one gets it", async () => {
        const a = await open();
        const b = await again();
        const { id } = await a.subscribe(subscription("1"), T0);
        await a.claimSlot(claim(id, "dead", T0, 1000));
        const later = T0 + 5000;
        const wins = await Promise.all([a.takeOverClaim(claim(id, "a", later)), b.takeOverClaim(claim(id, "b", later))]);
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect(await a.expiredClaims(later)).toHaveLength(0);
      });
    });

    describe(`${kind} store: feed items`, () => {
      it("GIVEN a feed item recorded once THEN it is known, and recording it again reports false", async () => {
        const store = await open();
        expect(await store.hasFeedItem("https://x.test/rss", "guid-1")).toBe(false);
        expect(await store.recordFeedItem("https://x.test/rss", "guid-1", "2024-03-04-a", T0)).toBe(true);
        expect(await store.hasFeedItem("https://x.test/rss", "guid-1")).toBe(true);
        expect(await store.recordFeedItem("https://x.test/rss", "guid-1", "2024-03-04-b", T0 + 1)).toBe(false);
      });

      it("GIVEN the same item key in two feeds THEN they are two items", async () => {
        const store = await open();
        await store.recordFeedItem("https://a.test/rss", "1", "a", T0);
        expect(await store.hasFeedItem("https://b.test/rss", "1")).toBe(false);
        expect(await store.recordFeedItem("https://b.test/rss", "1", "b", T0)).toBe(true);
      });

      it("GIVEN two instances recording the same item at once THEN exactly one records it", async () => {
        const a = await open();
        const b = await again();
        const wins = await Promise.all([a.recordFeedItem("https://a.test/rss", "1", "a", T0), b.recordFeedItem("https://a.test/rss", "1", "a", T0)]);
        expect(wins.filter(Boolean)).toHaveLength(1);
      });
    });

    describe(`${kind} store: chat language`, () => {
      it("GIVEN a chat that never chose THEN its language is auto (undefined)", async () => {
        const store = await open();
        expect(await store.getChatLang("telegram", "42")).toBeUndefined();
      });

      it("GIVEN a chat chooses English, then Indonesian THEN the last choice holds, per platform", async () => {
        const store = await open();
        await store.setChatLang("telegram", "42", "en", T0);
        await store.setChatLang("telegram", "42", "id", T0 + 1);
        expect(await store.getChatLang("telegram", "42")).toBe("id");
        expect(await store.getChatLang("discord", "42")).toBeUndefined();
      });

      it("GIVEN a chat goes back to auto THEN its language is undefined again", async () => {
        const store = await open();
        await store.setChatLang("discord", "7", "en", T0);
        await store.setChatLang("discord", "7", undefined, T0 + 1);
        expect(await store.getChatLang("discord", "7")).toBeUndefined();
      });
    });

    describe(`${kind} store: ping`, () => {
      it("GIVEN an open store THEN ping succeeds; once closed THEN it throws a readable reason", async () => {
        const store = await open();
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toThrow(/closed|ended|terminated/i);
      });
    });
  });
}
