import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { articleKey, ContentLibrary, loadLibrary } from "../src/content/loader.js";
import { article, library } from "./helpers/core.js";
import { contentCopy, loadError, SEED_FOLDER, withYaml } from "./helpers/contentEdits.js";

/**
 * What the loader says about a content folder: the file, the field as an
 * editor finds it in the YAML, and the problem, one line each; and which
 * folders it reads at all.
 */




describe("the line an editor reads", () => {
  it("GIVEN a required field left out THEN the problem is that it is missing", () => {
    const err = loadError(withYaml((y) => y.replace(/^author: .*\n/m, "")));
    expect([err.field, err.problem]).toEqual(["author", "is missing"]);
  });

  it("GIVEN a field of the wrong type THEN the problem is zod's, not 'is missing'", () => {
    const err = loadError(withYaml((y) => y.replace("color: 0x0055A4", "color: blue")));
    expect(err.problem).not.toBe("is missing");
    expect(err.problem).toMatch(/number/);
  });

  it("GIVEN fields the schema does not know THEN the problem names them", () => {
    const err = loadError(withYaml((y) => `${y}\neditor: someone\nreviewer: someone else\n`));
    expect([err.field, err.problem]).toEqual(["", "unknown field(s) editor, reviewer"]);
  });

  it("GIVEN a problem inside a list THEN the field shows the index in brackets", () => {
    const err = loadError(withYaml((y) => y.replace("  - id: russia-role", "  - id: Russia-Role")));
    expect(err.field).toBe("background[0].id");
  });

  it("GIVEN bad YAML THEN the problem is the parser's first line, whole", () => {
    const err = loadError(withYaml((y) => y.replace("outlet: Tribunnews.com", "outlet: [Tribunnews.com")));
    expect(err.problem).toMatch(/^invalid YAML: \S.{10,}$/);
  });

  it("GIVEN a background section naming an unknown actor THEN the problem lists the known ones", () => {
    const err = loadError(withYaml((y) => y.replace("actors: [russia]", "actors: [rusia]")));
    expect(err.problem).toBe('actor "rusia" does not exist (known: france, un, russia)');
  });

  it("GIVEN two background sections with one id THEN the error names the id", () => {
    const twice = (y: string) => {
      const doc = parse(y);
      doc.background.push({ ...doc.background[0], title: { id: "Lagi", en: "Again" } });
      return stringify(doc);
    };
    const err = loadError(withYaml(twice));
    expect([err.field, err.problem]).toEqual(["background", 'section id "russia-role" appears twice']);
  });

  it("GIVEN a folder without article.yaml THEN the error asks whether the file is there", () => {
    const dir = contentCopy();
    rmSync(join(dir, SEED_FOLDER, "article.yaml"));
    expect(loadError(dir).problem).toMatch(/cannot be read \(is the file there\?\)/);
  });

  it("GIVEN two broken folders THEN the error names the first by name, whatever order the disk lists them in", () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-order-"));
    for (const name of ["2023-12-02-b", "2023-12-01-a"]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "article.yaml"), "id: [broken");
      writeFileSync(join(dir, name, "original.txt"), "x");
    }
    expect(loadError(dir).file).toBe(join("2023-12-01-a", "article.yaml"));
  });

  it("GIVEN no original.txt THEN the error says every article needs its original text", () => {
    const dir = contentCopy();
    rmSync(join(dir, SEED_FOLDER, "original.txt"));
    expect(loadError(dir).problem).toMatch(/every article needs its original text/);
  });

  it("GIVEN a url THEN the article carries it", () => {
    const dir = withYaml((y) => y.replace(/^outlet: /m, "url: https://www.tribunnews.com/internasional/karabakh\noutlet: "));
    expect(loadLibrary(dir, dir).newest().url).toBe("https://www.tribunnews.com/internasional/karabakh");
  });
});

describe("the folders read", () => {
  it("GIVEN a content folder that does not exist THEN the error names it", () => {
    const dir = join(contentCopy(), "nowhere");
    const err = loadError(dir);
    expect([err.file, err.field, err.problem]).toEqual([dir, "", "content folder cannot be read"]);
  });

  it("GIVEN an empty content folder THEN the error says it holds no article", () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-empty-"));
    const err = loadError(dir);
    expect([err.file, err.field]).toEqual([dir, ""]);
    expect(err.problem).toMatch(/^holds no article folder/);
  });

  it("GIVEN a dot-folder (an import being written) THEN it is not read, broken or not", () => {
    const dir = contentCopy();
    mkdirSync(join(dir, ".importing"));
    writeFileSync(join(dir, ".importing", "article.yaml"), "id: [half written");
    expect(loadLibrary(dir, dir).articles.map((a) => a.id)).toEqual([article.id]);
  });

  it("GIVEN two folders with one id THEN the error names the content folder, the field and the id", () => {
    const dir = contentCopy();
    cpSync(join(dir, SEED_FOLDER), join(dir, "2023-10-01-copy"), { recursive: true });
    const err = loadError(dir);
    expect([err.file, err.field, err.problem]).toEqual([dir, "id", `article id "${article.id}" is used by two folders`]);
  });

  it("GIVEN only drafts THEN the error names the content folder", () => {
    const dir = withYaml((y) => `status: draft\n${y}`);
    expect([loadError(dir).file, loadError(dir).field]).toEqual([dir, ""]);
  });
});

describe("the library", () => {
  it("GIVEN no article THEN a library cannot be made", () => {
    expect(() => new ContentLibrary([])).toThrow("a content library needs at least one article");
  });

  it("GIVEN an article's short key THEN the library finds the article by it", () => {
    expect(library.get(articleKey(article.id))).toBe(article);
  });

  it("GIVEN an article id THEN its short key is a tilde and 8 hex digits, the same each time and another for another id", () => {
    expect(articleKey(article.id)).toMatch(/^~[0-9a-f]{8}$/);
    expect(articleKey(article.id)).toBe(articleKey(article.id));
    expect(articleKey("2023-10-01-later")).not.toBe(articleKey(article.id));
  });
});
