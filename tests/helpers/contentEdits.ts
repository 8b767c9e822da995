import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContentError, loadLibrary } from "../../src/content/loader.js";
import { CONTENT_DIR } from "./core.js";

/** The bundled seed article's folder in content/. */
export const SEED_FOLDER = "2023-09-20-karabakh-reactions";

/** A copy of the bundled content a test may change (or a running bot may reload). */
export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kabar-content-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** `dir` (a fresh copy by default) with one article.yaml rewritten by `edit`. */
export function withYaml(edit: (yaml: string) => string, dir = contentCopy(), folder = SEED_FOLDER): string {
  const file = join(dir, folder, "article.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

/** The one-line error loading `dir` fails with; throws if it loads. */
export function loadError(dir: string): ContentError {
  try {
    loadLibrary(dir, dir);
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error("expected the content to be refused");
}
