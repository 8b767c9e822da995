import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import type { Logger } from "../core/log.js";
import { ContentError, type ContentLibrary, loadLibrary } from "./loader.js";

/**
 * Content reload while the bot runs: a new article folder dropped into
 * CONTENT_DIR (or SIGHUP) reloads the whole folder through the same
 * all-or-nothing loader used at start. A broken folder is refused with one log
 * line naming the file and field, and the library being served stays as it was.
 */
/** Holds the library being served; a reload swaps `current` while the bot runs. */
export class LibraryHolder {
  constructor(public current: ContentLibrary) {}
}

export type ReloadResult = { ok: true; articles: string[] } | { ok: false; error: string };

export function reloadContent(holder: LibraryHolder, contentDir: string, logger?: Logger): ReloadResult {
  try {
    const next = loadLibrary(resolve(contentDir));
    const before = new Set(holder.current.articles.map((a) => a.id));
    holder.current = next;
    const articles = next.articles.map((a) => a.id);
    logger?.info({ articles, added: articles.filter((id) => !before.has(id)) }, "content reloaded");
    return { ok: true, articles };
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
 * Watches CONTENT_DIR (recursively) and listens for SIGHUP. Changes are
 * debounced: copying a folder fires many events, and reloading halfway
 * through would only be refused.
 */
export function watchContent(options: {
  holder: LibraryHolder;
  contentDir: string;
  logger?: Logger;
  debounceMs?: number;
  onReload?: (result: ReloadResult) => void;
}): ContentWatcher {
  const { holder, contentDir, logger, debounceMs = 500, onReload } = options;
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    onReload?.(reloadContent(holder, contentDir, logger));
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(resolve(contentDir), { recursive: true }, soon);
    watcher.on("error", (err) => logger?.warn({ err }, "content watch failed; SIGHUP still reloads"));
  } catch (err) {
    logger?.warn({ err }, "cannot watch the content folder; SIGHUP still reloads");
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
