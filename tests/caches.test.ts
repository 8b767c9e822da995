import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createKabar } from "../src/app.js";
import { loadLibrary } from "../src/content/loader.js";
import { LibraryHolder, reloadContent } from "../src/content/reload.js";
import type { CommandDefinition } from "../src/core/command.js";
import { LruCache } from "../src/core/lru.js";
import { makeReply } from "../src/core/reply.js";
import type { ChatContext } from "../src/core/command.js";
import { ManualClock } from "../src/digest/clock.js";
import { DIGEST_SERVICE } from "../src/digest/service.js";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { CONTENT_DIR, library, ROOT, testKabar } from "./helpers/core.js";

/**
 * The fast path's caches: a pure command's reply and the understanding of an
 * exact question are kept per content version, never across a reload, never
 * for a command whose answer depends on who asks, and never beyond their bound.
 */

/** A probe command that counts its runs. */
function counting(name: string, pure: boolean): CommandDefinition & { runs: number } {
  const def = {
    name,
    description: { id: name, en: name },
    options: [],
    pure,
    runs: 0,
    async run(call: { lang: "id" | "en" }) {
      def.runs++;
      return makeReply({ kind: "notice", lang: call.lang, title: name, blocks: [`run ${def.runs}`] });
    },
  };
  return def;
}

describe("Reply cache", () => {
  it("GIVEN a pure command asked twice THEN it runs once and both callers get the same answer", async () => {
    const probe = counting("probe", true);
    const kabar = testKabar({ extraCommands: [probe] });
    const first = await kabar.run({ command: "probe", lang: "en", args: {} });
    const second = await kabar.run({ command: "probe", lang: "en", args: {} });
    expect(probe.runs).toBe(1);
    expect(second).toEqual(first);
  });

  it("GIVEN a pure command in two languages or with other arguments THEN each is its own answer", async () => {
    const probe = counting("probe", true);
    const kabar = testKabar({ extraCommands: [probe] });
    await kabar.run({ command: "probe", lang: "en", args: {} });
    await kabar.run({ command: "probe", lang: "id", args: {} });
    await kabar.run({ command: "probe", lang: "en", args: { actor: "france" } });
    expect(probe.runs).toBe(3);
  });

  it("GIVEN a command that is not pure (its answer depends on the chat or stored state) THEN it runs every time", async () => {
    const probe = counting("stateful", false);
    const kabar = testKabar({ extraCommands: [probe] });
    await kabar.run({ command: "stateful", lang: "en", args: {} });
    await kabar.run({ command: "stateful", lang: "en", args: {} });
    expect(probe.runs).toBe(2);
  });

  it("GIVEN the digest command THEN it is not marked pure (its answer is per chat)", () => {
    const kabar = testKabar();
    expect(kabar.command("digest")?.pure).toBeFalsy();
    expect(kabar.command("summary")?.pure).toBe(true);
  });

  it("GIVEN a reload that changed the article THEN the next answer comes from the new content, not the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-cache-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const holder = new LibraryHolder(loadLibrary(dir, ROOT));
    const kabar = createKabar(holder);
    const before = await kabar.run({ command: "summary", lang: "en", args: { length: "short" } });
    expect(before.blocks.join(" ")).toContain("France called");

    const yamlFile = join(dir, holder.current.newest().id, "article.yaml");
    writeFileSync(yamlFile, readFileSync(yamlFile, "utf8").replace("France called Azerbaijan's", "Paris called Azerbaijan's"));
    expect(reloadContent(holder, dir)).toMatchObject({ ok: true });

    const after = await kabar.run({ command: "summary", lang: "en", args: { length: "short" } });
    expect(after.blocks.join(" ")).toContain("Paris called");
  });
});

describe("Understanding cache", () => {
  it("GIVEN the same text under another platform language THEN it is understood again, not served from the other's entry", () => {
    const kabar = testKabar();
    expect(kabar.understand("Guterres?", "id").lang).toBe("id");
    expect(kabar.understand("Guterres?", "en").lang).toBe("en");
  });

  it("GIVEN a question asked again THEN the cached understanding equals a fresh one", () => {
    const kabar = testKabar();
    const first = kabar.understand("apa kata prancis?");
    expect(kabar.understand("apa kata prancis?")).toBe(first);
    expect(kabar.understandUncached("apa kata prancis?")).toEqual(first);
  });
});

describe("LruCache", () => {
  it("GIVEN more entries than its capacity THEN the least recently used one is dropped", () => {
    const lru = new LruCache<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a"); // a is now the most recent
    lru.set("c", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });
});

describe("answers the caches hold come back without a promise (kabar as createKabar wires it)", () => {
  /** npm start's core: follow-ups remembered, the chat's /lang read through the store's cache. */
  function startedKabar() {
    const clock = new ManualClock(0);
    const store = new SqliteSubscriptionStore(":memory:");
    return createKabar(new LibraryHolder(library), undefined, { [DIGEST_SERVICE]: { store, clock } }, () => clock.now());
  }
  const chat: ChatContext = { target: "console:cache", platform: "console", type: "private", userId: "console:cache", canManage: async () => true };

  it("GIVEN a question asked before in the same chat THEN the answer is a value, the same reply as before", async () => {
    const kabar = startedKabar();
    const first = await kabar.answer("apa kata prancis?", { chat });
    const again = kabar.answer("apa kata prancis?", { chat });
    expect(again).not.toBeInstanceOf(Promise);
    expect((again as Awaited<typeof again>).reply).toBe(first.reply);
  });

  it("GIVEN a pure command run before THEN its reply is a value; a first run is a promise", async () => {
    const kabar = startedKabar();
    const call = { command: "summary", lang: "en" as const, args: {} };
    const first = kabar.run(call, chat);
    expect(first).toBeInstanceOf(Promise);
    const reply = await first;
    expect(kabar.run(call, chat)).toBe(reply);
  });
});
