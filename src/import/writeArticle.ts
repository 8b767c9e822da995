import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ARTICLE_FILE, ORIGINAL_FILE } from "../content/loader.js";
import type { ImportResult } from "./importText.js";

/**
 * The file-system edge: a new article folder in CONTENT_DIR. Written under a
 * dot-name first and renamed, so the content watcher never sees half a folder
 * (the loader skips dot-folders).
 */
export class FolderExistsError extends Error {
  override name = "FolderExistsError";
}

export function writeArticleFolder(contentDir: string, result: ImportResult): string {
  const dir = join(contentDir, result.draft.id);
  if (existsSync(dir)) {
    const shown = relative(process.cwd(), dir);
    throw new FolderExistsError(`${shown && !shown.startsWith("..") ? shown : dir} already exists: pass --id <another-id>, or remove the folder to import again`);
  }
  const staging = join(contentDir, `.importing-${result.draft.id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    writeFileSync(join(staging, ORIGINAL_FILE), result.original);
    writeFileSync(join(staging, ARTICLE_FILE), result.yaml);
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return dir;
}
