import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadLibrary } from "../src/content/loader.js";
import { type ContentWatcher, LibraryHolder, type ReloadResult, reloadContent, watchContent } from "../src/content/reload.js";
import { composeDigest } from "../src/digest/compose.js";
import { CONTENT_DIR } from "./helpers/core.js";
import { recordingLogger } from "./helpers/digest.js";

const FOLDER = "2023-09-20-karabakh-reactions";
const LATER = "2023-10-01-later";

/** A copy of the real content folder the test may change. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kabar-reload-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Drops a second article (the real one under a later id and date) into `dir`. */
function addLaterArticle(dir: string, edit: (yaml: string) => string = (y) => y): void {
  cpSync(join(dir, FOLDER), join(dir, LATER), { recursive: true });
  const file = join(dir, LATER, "article.yaml");
  const yaml = readFileSync(file, "utf8").replace(/^id: .*$/m, `id: ${LATER}`).replace(/^events_date: .*$/m, "events_date: 2023-10-01");
  writeFileSync(file, edit(yaml));
}

const watchers: ContentWatcher[] = [];
afterEach(() => {
  for (const w of watchers.splice(0)) w.close();
});

describe("content reload while running", () => {
  it("GIVEN a new article folder THEN the reload serves it and the next digest of a chat that had the old one holds only the new one", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    addLaterArticle(dir);
    expect(reloadContent(holder, dir)).toEqual({ ok: true, articles: [LATER, FOLDER], version: 2 });
    const digest = composeDigest(holder.current, new Set([FOLDER]), "en", "new")!;
    expect(digest.articleIds).toEqual([LATER]);
  });

  it("GIVEN a new folder with a quote that is not verbatim THEN it is refused with a log line naming the file and the field, and the old content keeps serving", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    const before = holder.current;
    addLaterArticle(dir, (yaml) => yaml.replace("Kami menganggap Azerbaijan", "Kami kira Azerbaijan"));
    const { logger, lines } = recordingLogger();
    const result = reloadContent(holder, dir, logger);
    expect(result.ok).toBe(false);
    expect(holder.current).toBe(before);
    const refusal = lines().find((l) => l.msg === "content reload refused; still serving the previous content");
    expect(String(refusal?.problem)).toMatch(new RegExp(`${LATER}/article\\.yaml: actors\\.france\\.quotes\\[0\\]\\.text: is not verbatim`));
  });

  it("GIVEN the watcher THEN a folder copied in while running is picked up", async () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    const reloads: unknown[] = [];
    watchers.push(watchContent({ holder, contentDir: dir, debounceMs: 50, onReload: (r) => reloads.push(r) }));
    // Node 20 sets up a recursive watch on Linux asynchronously: touch the folder until an event proves it is live.
    await vi.waitFor(
      () => {
        writeFileSync(join(dir, "README.txt"), "not an article\n");
        expect(reloads.length).toBeGreaterThan(0);
      },
      { timeout: 5_000, interval: 100 },
    );
    addLaterArticle(dir);
    // Waits for the real file-system event, bounded.
    await vi.waitFor(() => expect(holder.current.newest().id).toBe(LATER), { timeout: 5_000, interval: 20 });
  });

  it("GIVEN a feed import that reloaded at once THEN the watcher's event for the same folder loads nothing again: one reload per import", async () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    const { logger, lines } = recordingLogger();
    const seen: ReloadResult[] = [];
    watchers.push(watchContent({ holder, contentDir: dir, logger, debounceMs: 50, onReload: (r) => seen.push(r) }));
    await vi.waitFor(
      () => {
        writeFileSync(join(dir, "README.txt"), "not an article\n");
        expect(seen.length).toBeGreaterThan(0);
      },
      { timeout: 5_000, interval: 100 },
    );
    await vi.waitFor(() => expect(lines().filter((l) => l.msg === "content reloaded").length).toBe(seen.length));
    const reloadsBefore = lines().filter((l) => l.msg === "content reloaded").length;
    seen.length = 0;
    // What main.ts does when the feed poller wrote a folder: reload at once, only if the folder changed.
    addLaterArticle(dir);
    expect(reloadContent(holder, dir, logger, { ifChanged: true })).toMatchObject({ ok: true, articles: [LATER, FOLDER] });
    const version = holder.version;
    // Waits for the real file-system event of that same folder, bounded.
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
    expect(seen.every((r) => r.ok && r.unchanged)).toBe(true);
    expect(holder.version).toBe(version);
    expect(lines().filter((l) => l.msg === "content reloaded")).toHaveLength(reloadsBefore + 1);
  });

  it("GIVEN nothing changed THEN SIGHUP reloads all the same (an operator asking gets a reload)", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    watchers.push(watchContent({ holder, contentDir: dir, debounceMs: 60_000 }));
    expect(reloadContent(holder, dir).ok).toBe(true);
    process.emit("SIGHUP", "SIGHUP");
    expect(holder.version).toBe(3);
  });

  it("GIVEN a file edited after a reload THEN a reload asked only if changed loads it", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    expect(reloadContent(holder, dir, undefined, { ifChanged: true })).toMatchObject({ ok: true, version: 2 });
    expect(reloadContent(holder, dir, undefined, { ifChanged: true })).toMatchObject({ ok: true, version: 2, unchanged: true });
    addLaterArticle(dir);
    expect(reloadContent(holder, dir, undefined, { ifChanged: true })).toEqual({ ok: true, articles: [LATER, FOLDER], version: 3 });
  });

  it("GIVEN the watcher started THEN it says so once, naming the folder; GIVEN watch off THEN it says SIGHUP is the trigger", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    const on = recordingLogger();
    watchers.push(watchContent({ holder, contentDir: dir, logger: on.logger }));
    expect(on.lines().filter((l) => l.msg === "content watch started")).toEqual([expect.objectContaining({ dir })]);
    const off = recordingLogger();
    watchers.push(watchContent({ holder, contentDir: dir, logger: off.logger, watch: false }));
    expect(off.lines().map((l) => l.msg)).toEqual(["content watch off (CONTENT_WATCH=false): SIGHUP reloads"]);
  });

  it("GIVEN a watcher with no onReload listener (as production starts it) THEN SIGHUP still swaps the content and bumps the version", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    watchers.push(watchContent({ holder, contentDir: dir, debounceMs: 60_000 }));
    addLaterArticle(dir);
    process.emit("SIGHUP", "SIGHUP");
    expect(holder.current.newest().id).toBe(LATER);
    expect(holder.version).toBe(2);
  });

  it("GIVEN a holder that prepares its libraries THEN the first library and every reloaded one are prepared before they are served", () => {
    const dir = contentCopy();
    const prepared: string[][] = [];
    const holder = new LibraryHolder(loadLibrary(dir), (library) => prepared.push(library.articles.map((a) => a.id)));
    addLaterArticle(dir);
    expect(reloadContent(holder, dir).ok).toBe(true);
    writeFileSync(join(dir, FOLDER, "article.yaml"), "id: [");
    expect(reloadContent(holder, dir).ok).toBe(false);
    // The article id is its folder's name; the library lists the newest first.
    expect(prepared).toEqual([[FOLDER], [LATER, FOLDER]]);
  });

  it("GIVEN a refused reload THEN the content version stays as it was", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    writeFileSync(join(dir, FOLDER, "article.yaml"), "id: [");
    expect(reloadContent(holder, dir).ok).toBe(false);
    expect(holder.version).toBe(1);
  });

  it("GIVEN SIGHUP THEN the content is reloaded at once", () => {
    const dir = contentCopy();
    const holder = new LibraryHolder(loadLibrary(dir));
    const results: unknown[] = [];
    watchers.push(watchContent({ holder, contentDir: dir, debounceMs: 60_000, onReload: (r) => results.push(r) }));
    addLaterArticle(dir);
    process.emit("SIGHUP", "SIGHUP");
    expect(holder.current.newest().id).toBe(LATER);
    expect(results).toHaveLength(1);
  });
});
