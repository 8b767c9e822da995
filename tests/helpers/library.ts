import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMANDS } from "../../commands/index.js";
import { type ContentLibrary, loadLibrary } from "../../src/content/loader.js";
import { Kabar } from "../../src/core/kabar.js";
import { addFixtureArticle, contentCopy, FUKUSHIMA, RICE } from "./mainProcess.js";
import { writeGeneratedLibrary } from "./generatedArticles.js";

/** The seed plus our two test articles (rice exports, newest; Fukushima water, oldest), loaded by the real loader. */
export function threeArticleLibrary(): ContentLibrary {
  const dir = contentCopy();
  addFixtureArticle(dir, RICE);
  addFixtureArticle(dir, FUKUSHIMA);
  return loadLibrary(dir);
}

/** The seed plus `count` generated articles (all newer than the seed), loaded by the real loader. */
export function generatedLibrary(count: number): ContentLibrary {
  const dir = mkdtempSync(join(tmpdir(), "kabar-generated-"));
  writeGeneratedLibrary(dir, count);
  return loadLibrary(dir);
}

/** kabar with the real command list over `library`. */
export function kabarOver(library: ContentLibrary): Kabar {
  return new Kabar({ library: () => library, commands: COMMANDS });
}
