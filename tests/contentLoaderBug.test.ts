import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { ContentError, loadArticle } from "../src/content/loader.js";

/**
 * The loader's promise holds for its own bugs too: whatever makes a folder
 * fail is one ContentError line naming the folder, never a stack trace. The bug
 * is injected into one loading step (the English fallback); this file does not
 * import the test helpers, which load the bundled content at import.
 */
vi.mock("../src/content/englishFallback.js", () => ({
  fillMissingEnglish: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  },
}));

const CONTENT = fileURLToPath(new URL("../content/", import.meta.url));
const FOLDER = "2023-09-20-karabakh-reactions";

function refusal(dir: string, root: string): ContentError {
  try {
    loadArticle(dir, root);
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error("expected the folder to be refused");
}

describe("a bug in a loading step", () => {
  it("GIVEN a step that throws a TypeError THEN the folder is refused in one line naming it and the error", () => {
    const err = refusal(join(CONTENT, FOLDER), CONTENT);
    expect(err.message).toBe(`${FOLDER}: cannot be loaded: TypeError: Cannot read properties of undefined (reading 'id')`);
  });

  it("GIVEN the folder loaded as its own root THEN the line names it by its whole path", () => {
    const dir = join(CONTENT, FOLDER);
    expect(refusal(dir, dir).file).toBe(dir);
  });
});
