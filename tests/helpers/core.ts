import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createKabar, LibraryHolder } from "../../src/app.js";
import { loadLibrary } from "../../src/content/loader.js";
import type { Kabar } from "../../src/core/kabar.js";

/** The repository root, for tests that read content/ or spawn scripts. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CONTENT_DIR = `${ROOT}content`;

/** The real bundled content, loaded once per test file. */
export const library = loadLibrary(CONTENT_DIR, ROOT);
export const article = library.newest();

export function realKabar(): Kabar {
  return createKabar(new LibraryHolder(library));
}

export interface EvalQuestion {
  q: string;
  lang: "id" | "en";
  kind: string;
  actor?: string;
  topic?: string;
  actor_text?: string;
}

export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(`${ROOT}tests/fixtures/${file}`, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as EvalQuestion);
}
