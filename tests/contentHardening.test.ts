import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8Offset, MAX_ARTICLE_YAML_BYTES, MAX_ORIGINAL_BYTES } from "../src/content/contentFiles.js";
import { ContentError, loadLibrary } from "../src/content/loader.js";
import { LibraryHolder, reloadContent } from "../src/content/reload.js";
import { isCalendarDate } from "../src/content/schema.js";
import { CONTENT_DIR, library } from "./helpers/core.js";
import { contentCopy, loadError, SEED_FOLDER, withYaml } from "./helpers/contentEdits.js";
import { runScript } from "./helpers/spawn.js";

/**
 * Content folders an attacker (or a careless editor) could drop in: each is
 * refused with one ContentError naming the file, the field or byte, and the problem.
 */




describe("dates of the events", () => {
  it.each([
    ["9999-99-99", "month 99"],
    ["2023-02-30", "30 February"],
    ["2023-02-29", "29 February in a common year"],
    ["2023-13-01", "month 13"],
    ["2023-00-10", "month 0"],
    ["2023-04-31", "31 April"],
  ])("GIVEN events_date %s (%s) THEN the folder is refused naming events_date", (date) => {
    const err = loadError(withYaml((y) => y.replace(/^events_date: .*$/m, `events_date: ${date}`)));
    expect(err.file).toBe(join(SEED_FOLDER, "article.yaml"));
    expect(err.field).toBe("events_date");
    expect(err.problem).toBe("is not a real calendar date");
  });

  it("GIVEN 29 February of a leap year THEN it is a real date and loads", () => {
    const lib = loadLibrary(withYaml((y) => y.replace(/^events_date: .*$/m, "events_date: 2024-02-29")));
    expect(lib.newest().eventsDate).toBe("2024-02-29");
  });

  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["0004-02-29", true],
    ["2023-12-31", true],
    ["2023-9-20", false],
  ])("GIVEN %s THEN isCalendarDate is %s", (date, ok) => {
    expect(isCalendarDate(date)).toBe(ok);
  });
});

describe("encoding", () => {
  it("GIVEN a Latin-1 byte in original.txt THEN the error names the file and the byte offset", () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "original.txt");
    const text = readFileSync(file);
    const at = 37;
    const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]);
    writeFileSync(file, bad);
    const err = loadError(dir);
    expect(err.file).toBe(join(SEED_FOLDER, "original.txt"));
    expect(err.field).toBe(`byte ${at}`);
    expect(err.problem).toMatch(/not UTF-8 \(byte 0xe9\)/);
  });

  it("GIVEN a stray continuation byte in article.yaml THEN the error names article.yaml and its offset", () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "article.yaml");
    const bytes = readFileSync(file);
    const at = bytes.indexOf("Tribunnews.com");
    bytes[at] = 0x80;
    writeFileSync(file, bytes);
    const err = loadError(dir);
    expect(err.message).toBe(`${join(SEED_FOLDER, "article.yaml")}: byte ${at}: is not UTF-8 (byte 0x80); save the file as UTF-8`);
  });

  it.each([
    [[0x41, 0x42], -1, "ASCII"],
    [[0xc3, 0xa9], -1, "é"],
    [[0xf0, 0x9f, 0x87, 0xab], -1, "a four-byte emoji half"],
    [[0x41, 0xc0, 0xaf], 1, "an overlong slash"],
    [[0xed, 0xa0, 0x80], 0, "an encoded surrogate"],
    [[0x41, 0x42, 0xe2, 0x82], 2, "a sequence cut off at the end"],
    [[0xf4, 0x90, 0x80, 0x80], 0, "a code point above U+10FFFF"],
  ])("GIVEN bytes %j THEN the first bad byte is at %i (%s)", (bytes, at) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(at);
  });
});

describe("symbolic links", () => {
  it("GIVEN original.txt linking to itself THEN one error says the link loops", () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "original.txt");
    rmSync(file);
    symlinkSync(file, file);
    const err = loadError(dir);
    expect(err.message).toBe(`${join(SEED_FOLDER, "original.txt")}: is a symbolic link that loops back on itself`);
  });

  it("GIVEN article.yaml linking to a missing file THEN one error says the link dangles", () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "article.yaml");
    rmSync(file);
    symlinkSync(join(dir, "nowhere.yaml"), file);
    const err = loadError(dir);
    expect(err.message).toBe(`${join(SEED_FOLDER, "article.yaml")}: is a symbolic link to a file that does not exist`);
  });

  it("GIVEN an entry of the content folder that is a dangling link THEN one error names it", () => {
    const dir = contentCopy();
    symlinkSync(join(dir, "gone"), join(dir, "2024-01-01-link"));
    expect(loadError(dir).message).toBe("2024-01-01-link: is a symbolic link to a file that does not exist");
  });

  it("GIVEN two links of the content folder pointing at each other THEN one error says they loop", () => {
    const dir = contentCopy();
    symlinkSync(join(dir, "b"), join(dir, "a"));
    symlinkSync(join(dir, "a"), join(dir, "b"));
    expect(loadError(dir).message).toBe("a: is a symbolic link that loops back on itself");
  });

  it("GIVEN an article folder that is a link to a real folder THEN it loads", () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-linked-"));
    symlinkSync(join(CONTENT_DIR, SEED_FOLDER), join(dir, SEED_FOLDER));
    expect(loadLibrary(dir).newest().id).toBe(SEED_FOLDER);
  });
});

describe("YAML aliases", () => {
  it("GIVEN an alias bomb (billion laughs) THEN it is refused as a ContentError, quickly", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const prev = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`;
      }),
    ].join("\n");
    const dir = withYaml((y) => `${y}\nbomb:\n${bomb.replace(/^/gm, "  ")}\n`);
    const started = performance.now();
    const err = loadError(dir);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.file).toBe(join(SEED_FOLDER, "article.yaml"));
    expect(err.field).toBe("");
    expect(err.problem).toMatch(/^YAML aliases cannot be resolved: Excessive alias count/);
  });

  it("GIVEN an alias used once (a shared list) THEN aliases as such are fine", () => {
    const dir = withYaml((y) => y.replace(/^related:/m, "x-unused: &shared [a]\nrelated:"));
    // The schema is strict, so the extra key is refused, but by the schema, not by the alias guard.
    expect(loadError(dir).problem).toMatch(/unknown field/);
  });
});

describe("nesting", () => {
  // Written from the incident: 1,000 then 5,000 then 20,000 then 100,000 nested brackets loaded in one process ended in
  // a V8 out-of-memory abort (exit 134), not an error line, though each alone gave one.
  it("GIVEN ever deeper [ nesting in article.yaml, loaded one after another in one process THEN each is one error line naming where", () => {
    for (const n of [1000, 5000, 20000, 100000]) {
      const err = loadError(withYaml(() => `id: ${"[".repeat(n)}${"]".repeat(n)}\n`));
      expect(err.file).toBe(join(SEED_FOLDER, "article.yaml"));
      expect(err.field).toBe("line 1, column 69");
      expect(err.problem).toBe("invalid YAML: brackets nested deeper than 64 levels");
    }
  });

  it("GIVEN 64 levels of { and [ THEN the nesting guard lets the parser decide (the schema refuses the id)", () => {
    const err = loadError(withYaml(() => `id: ${"[{".repeat(32)}${"}]".repeat(32)}\n`));
    expect(err.problem).not.toMatch(/nested deeper/);
  });

  it("GIVEN 65 levels on the third line THEN the error names that line and the 65th bracket's column", () => {
    const err = loadError(withYaml(() => `a: 1\nb: 2\nc: ${"{".repeat(65)}\n`));
    expect(err.field).toBe("line 3, column 68");
  });
});

describe("size caps", () => {
  it("GIVEN an original.txt over 1 MiB THEN the error says its size and the cap", () => {
    const dir = contentCopy();
    truncateSync(join(dir, SEED_FOLDER, "original.txt"), MAX_ORIGINAL_BYTES + 1);
    const err = loadError(dir);
    expect(err.message).toBe(`${join(SEED_FOLDER, "original.txt")}: is 1.0 MiB; the limit is 1 MiB (is this really one article?)`);
  });

  it("GIVEN an article.yaml over 256 KiB THEN the error says its size and the cap", () => {
    const dir = withYaml((y) => `${y}\n# ${"x".repeat(MAX_ARTICLE_YAML_BYTES)}\n`);
    const size = statSync(join(dir, SEED_FOLDER, "article.yaml")).size;
    const err = loadError(dir);
    expect(err.file).toBe(join(SEED_FOLDER, "article.yaml"));
    expect(err.problem).toBe(`is ${Math.ceil(size / 1024)} KiB; the limit is 256 KiB (is this really one article?)`);
  });

  it("GIVEN an original.txt of exactly 1 MiB THEN the cap does not refuse it", () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "original.txt");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text + " ".repeat(MAX_ORIGINAL_BYTES - Buffer.byteLength(text)));
    expect(Buffer.byteLength(loadLibrary(dir).newest().original)).toBe(MAX_ORIGINAL_BYTES);
  });
});

describe("hot reload", () => {
  it("GIVEN a reload onto a folder with 2023-02-30 THEN it is refused with the same line and the old library keeps serving", () => {
    const holder = new LibraryHolder(library);
    const dir = withYaml((y) => y.replace(/^events_date: .*$/m, "events_date: 2023-02-30"));
    const result = reloadContent(holder, dir);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/article\.yaml: events_date: is not a real calendar date$/) });
    expect(holder.current).toBe(library);
  });
});

describe("npm start on a hostile content folder", () => {
  it("GIVEN a symlink loop as original.txt THEN one line on stderr, exit 1, no stack trace", async () => {
    const dir = contentCopy();
    const file = join(dir, SEED_FOLDER, "original.txt");
    rmSync(file);
    symlinkSync(file, file);
    const { code, stdout, stderr } = await runScript("src/main.ts", [], { env: { CONTENT_DIR: dir }, input: "halo\n" });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot load content: \S*original\.txt: is a symbolic link that loops back on itself$/);
  });
});
