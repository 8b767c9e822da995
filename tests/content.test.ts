import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../src/content/loader.js";
import { article, CONTENT_DIR, library, ROOT } from "./helpers/core.js";
import { contentCopy, loadError, SEED_FOLDER, withYaml } from "./helpers/contentEdits.js";




describe("the bundled article", () => {
  it("GIVEN the seed article THEN original.txt is the seed text, verbatim (by its committed checksum when the seed is not beside the checkout)", () => {
    // The shared seed folder sits beside the checkout in development only; its checksum is committed, so the
    // comparison never silently disappears in a worktree, a CI checkout or a container.
    const [committed, name] = readFileSync(join(ROOT, "tests/fixtures/seed-original.sha256"), "utf8").trim().split(/\s+/);
    const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    expect(sha256(article.original)).toBe(committed);
    const seed = join(ROOT, "..", "shared", "seed", name!);
    if (existsSync(seed)) {
      const text = readFileSync(seed, "utf8");
      expect(sha256(text)).toBe(committed);
      expect(article.original).toBe(text);
    }
    expect(article.original).toContain("(Tribunnews.com/Andari Wulan Nugrahani)");
  });

  it("GIVEN every Indonesian quote THEN it is a verbatim substring of the original text", () => {
    const quotes = article.actors.flatMap((a) => a.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    for (const q of quotes) expect(article.original).toContain(q.text);
  });

  it("GIVEN the article THEN it names outlet, author, date and the three actors", () => {
    expect(article.outlet).toBe("Tribunnews.com");
    expect(article.author).toBe("Andari Wulan Nugrahani");
    expect(article.eventsDate).toBe("2023-09-20");
    expect(article.actors.map((a) => a.id)).toEqual(["france", "un", "russia"]);
    expect(article.background[0]?.id).toBe("russia-role");
    expect(article.related[0]).toContain("Azerbaijan meluncurkan operasi militer");
  });

  it("GIVEN one article THEN the library's newest and default article is it", () => {
    expect(library.get()).toBe(article);
    expect(library.get(article.id)).toBe(article);
    expect(library.get("no-such-article")).toBeUndefined();
  });
});

describe("a broken content folder", () => {
  it("GIVEN bad YAML THEN the error names the file and the line", () => {
    const err = loadError(withYaml((y) => y.replace("outlet: Tribunnews.com", "outlet: [Tribunnews.com")));
    expect(err.file).toBe(join(SEED_FOLDER, "article.yaml"));
    expect(err.message).toMatch(/invalid YAML/);
    expect(err.field).toMatch(/^line \d+/);
  });

  it("GIVEN a missing field THEN the error names the field", () => {
    const err = loadError(withYaml((y) => y.replace(/^author: .*\n/m, "")));
    expect(err.field).toBe("author");
    expect(err.problem).toMatch(/missing|expected/i);
  });

  it("GIVEN an actor id in capitals THEN the error names the actor and says the rule for actor ids", () => {
    const err = loadError(withYaml((y) => y.replace(/^  france:$/m, "  France:")));
    expect(err.field).toBe("actors.France");
    expect(err.problem).toBe("actor ids must be lower-case letters, digits and dashes");
  });

  it("GIVEN a quote that is not verbatim THEN the error names that quote", () => {
    const err = loadError(withYaml((y) => y.replace("Kami menganggap Azerbaijan", "Kami menilai Azerbaijan")));
    expect(err.field).toBe("actors.france.quotes[0].text");
    expect(err.problem).toMatch(/not verbatim/);
  });

  it("GIVEN a background section naming an actor that does not exist THEN the error names it", () => {
    const err = loadError(withYaml((y) => y.replace("actors: [russia]", "actors: [rusia]")));
    expect(err.field).toBe("background[0].actors[0]");
    expect(err.problem).toMatch(/"rusia" does not exist/);
  });

  it("GIVEN an English rendering missing a paragraph THEN the error names translation.en and both counts", () => {
    const err = loadError(withYaml((y) => y.replace(/^    - "- UN"\n/m, "")));
    expect(err.field).toBe("translation.en");
    expect(err.problem).toMatch(/has 18 paragraphs; original.txt has 19/);
  });

  it("GIVEN the bundled article THEN our English rendering covers every paragraph, numbers and names kept", () => {
    expect(article.translation?.en).toHaveLength(19);
    expect(article.translation?.en[7]).toMatch(/2,000/);
    expect(article.translation?.en[3]).toMatch(/Antonio Guterres.*20\/9\/2023/);
  });

  it("GIVEN a wrong type THEN the error names the nested field", () => {
    const err = loadError(withYaml((y) => y.replace("color: 0x0055A4", "color: blue")));
    expect(err.field).toBe("actors.france.color");
  });

  it("GIVEN an emptied original.txt THEN the first quote is refused as not verbatim", () => {
    const dir = withYaml((y) => y);
    writeFileSync(join(dir, SEED_FOLDER, "original.txt"), "");
    const err = loadError(dir);
    expect(err.field).toMatch(/quotes\[0\]\.text/);
  });
});

describe("several articles", () => {
  function twoArticles(): string {
    const dir = mkdtempSync(join(tmpdir(), "kabar-two-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    cpSync(join(dir, SEED_FOLDER), join(dir, "2023-10-01-later"), { recursive: true });
    const file = join(dir, "2023-10-01-later", "article.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace(/^id: .*$/m, "id: 2023-10-01-later")
        .replace(/^events_date: .*$/m, "events_date: 2023-10-01"),
    );
    return dir;
  }

  it("GIVEN two articles THEN the newest by date of the events is the default", () => {
    const lib = loadLibrary(twoArticles());
    expect(lib.articles.map((a) => a.id)).toEqual(["2023-10-01-later", "2023-09-20-karabakh-reactions"]);
    expect(lib.get()?.id).toBe("2023-10-01-later");
    expect(lib.get("2023-09-20-karabakh-reactions")?.eventsDate).toBe("2023-09-20");
  });

  it("GIVEN two folders with the same id THEN loading is refused", () => {
    const dir = twoArticles();
    const file = join(dir, "2023-10-01-later", "article.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^id: .*$/m, "id: 2023-09-20-karabakh-reactions"));
    expect(() => loadLibrary(dir, dir)).toThrow(/used by two folders/);
  });
});
