import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import type { Logger } from "../core/log.js";
import { contentStamp } from "./contentStamp.js";
import { ContentError, type ContentLibrary, loadLibrary } from "./loader.js";

/**
 * Content reload while the bot runs: a folder added, changed or removed in
 * CONTENT_DIR (or SIGHUP) reloads the whole folder through the same
 * all-or-nothing loader used at start. A broken folder is refused with one log
 * line naming the file and field, and the library being served stays as it was.
 */

/**
 * Holds the library being served; a reload swaps it while the bot runs.
 * `version` starts at 1 and grows by one on every successful reload, so a
 * cache keyed on (version, question) can never serve an answer from content
 * that is no longer there.
 *
 * `prepare` runs on every library the holder takes, the first and each reload
 * (file watch, SIGHUP, a feed import alike), so work a question would otherwise
 * pay for (the free-text index) is done once, whichever path loaded it.
 */
export class LibraryHolder {
  #current: ContentLibrary;
  #version = 1;
  /** The contentStamp of the folder the current library was loaded from, when known. */
  stamp: string | undefined;

  constructor(
    current: ContentLibrary,
    private readonly prepare?: (library: ContentLibrary) => void,
  ) {
    prepare?.(current);
    this.#current = current;
  }

  get current(): ContentLibrary {
    return this.#current;
  }

  get version(): number {
    return this.#version;
  }

  replace(next: ContentLibrary): void {
    this.prepare?.(next);
    this.#current = next;
    this.#version++;
  }
}

/** `unchanged`: the folder is as it was when the library being served was loaded, so nothing was loaded. */
export type ReloadResult = { ok: true; articles: string[]; version: number; unchanged?: true } | { ok: false; error: string };

function stampOf(contentDir: string): string | undefined {
  try {
    return contentStamp(contentDir);
  } catch {
    return undefined; // the loader says what is wrong with the folder
  }
}

/**
 * Loads CONTENT_DIR again and serves it. With `ifChanged`, a folder whose
 * stamp is the one already served is not loaded again: one import is one
 * reload, whether the feed poller or the file watcher gets there first.
 * SIGHUP leaves it out: an operator asking for a reload gets one.
 */
export function reloadContent(holder: LibraryHolder, contentDir: string, logger?: Logger, options: { ifChanged?: boolean } = {}): ReloadResult {
  try {
    // Taken before loading: a change made while loading gives a newer stamp, so the next event reloads again.
    const stamp = stampOf(contentDir);
    if (options.ifChanged && stamp !== undefined && stamp === holder.stamp) {
      logger?.debug({ version: holder.version }, "content unchanged since the last load; not reloaded");
      return { ok: true, articles: holder.current.articles.map((a) => a.id), version: holder.version, unchanged: true };
    }
    const next = loadLibrary(resolve(contentDir));
    const before = new Set(holder.current.articles.map((a) => a.id));
    holder.replace(next);
    holder.stamp = stamp;
    const articles = next.articles.map((a) => a.id);
    const removed = [...before].filter((id) => !articles.includes(id));
    logger?.info(
      { articles, added: articles.filter((id) => !before.has(id)), removed, version: holder.version },
      "content reloaded",
    );
    return { ok: true, articles, version: holder.version };
  } catch (err) {
    const error = err instanceof ContentError ? err.message : String(err);
    logger?.error({ problem: error }, "content reload refused; still serving the previous content");
    return { ok: false, error };
  }
}

export interface ContentWatcher {
  close(): void;
}

/**
 * Reloads on SIGHUP, and (unless `watch` is false) when anything under
 * CONTENT_DIR changes. File events are debounced: copying a folder fires
 * many, and reloading halfway through would only be refused. The reload runs
 * whether or not anyone listens for its result (`onReload` only observes).
 */
export function watchContent(options: {
  holder: LibraryHolder;
  contentDir: string;
  logger?: Logger;
  debounceMs?: number;
  /** Watch the folder; false leaves SIGHUP as the only trigger (file systems without inotify). */
  watch?: boolean;
  onReload?: (result: ReloadResult) => void;
}): ContentWatcher {
  const { holder, contentDir, logger, debounceMs = 500, onReload } = options;
  let timer: NodeJS.Timeout | undefined;
  // File events reload only what changed since the last load (a feed import has usually reloaded already); SIGHUP always reloads.
  const reload = (ifChanged: boolean) => {
    timer = undefined;
    const result = reloadContent(holder, contentDir, logger, { ifChanged });
    onReload?.(result);
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs, true);
  };
  let watcher: FSWatcher | undefined;
  if (options.watch === false) logger?.info("content watch off (CONTENT_WATCH=false): SIGHUP reloads");
  else {
    try {
      watcher = watch(resolve(contentDir), { recursive: true }, soon);
      watcher.on("error", (err) => logger?.warn({ err }, "content watch failed; SIGHUP still reloads"));
      // Said once at start, so an operator (and the process tests) can see that file changes will be followed.
      logger?.info({ dir: resolve(contentDir) }, "content watch started");
    } catch (err) {
      logger?.warn({ err }, "cannot watch the content folder; SIGHUP still reloads");
    }
  }
  const onHup = () => {
    logger?.info("SIGHUP: reloading content");
    if (timer) clearTimeout(timer);
    reload(false);
  };
  process.on("SIGHUP", onHup);
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
      process.off("SIGHUP", onHup);
    },
  };
}
