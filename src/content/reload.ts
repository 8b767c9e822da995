import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import type { Logger } from "../core/log.js";
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

export type ReloadResult = { ok: true; articles: string[]; version: number } | { ok: false; error: string };

export function reloadContent(holder: LibraryHolder, contentDir: string, logger?: Logger): ReloadResult {
  try {
    const next = loadLibrary(resolve(contentDir));
    const before = new Set(holder.current.articles.map((a) => a.id));
    holder.replace(next);
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
  const reload = () => {
    timer = undefined;
    const result = reloadContent(holder, contentDir, logger);
    onReload?.(result);
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    try {
      watcher = watch(resolve(contentDir), { recursive: true }, soon);
      watcher.on("error", (err) => logger?.warn({ err }, "content watch failed; SIGHUP still reloads"));
    } catch (err) {
      logger?.warn({ err }, "cannot watch the content folder; SIGHUP still reloads");
    }
  }
  const onHup = () => {
    logger?.info("SIGHUP: reloading content");
    if (timer) clearTimeout(timer);
    reload();
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
