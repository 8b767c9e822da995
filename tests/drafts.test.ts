import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { composeDigest } from "../src/digest/compose.js";
import { loadAllArticles, loadLibrary } from "../src/content/loader.js";
import { Kabar } from "../src/core/kabar.js";
import { CONTENT_DIR } from "./helpers/core.js";

const SEED = "2023-09-20-karabakh-reactions";

/** The bundled content plus one more folder holding `yaml` and `original`. */
function contentWith(folder: string, yaml: string, original: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kabar-drafts-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  mkdirSync(join(dir, folder));
  writeFileSync(join(dir, folder, "article.yaml"), yaml);
  writeFileSync(join(dir, folder, "original.txt"), original);
  return dir;
}

/** An Indonesian-only article, as the importer writes it (no English at all). */
const ORIGINAL = "Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan.\n“Kami siap membantu,” kata Kamikawa.\n";
function indonesianOnly(status?: "draft" | "published"): string {
  return [
    "id: 2023-10-02-bantuan",
    ...(status ? [`status: ${status}`] : []),
    "events_date: 2023-10-02",
    "language: id",
    "outlet: Contoh.com",
    "author: Penulis Contoh",
    "title: { id: Jepang menjanjikan bantuan }",
    "summary:",
    "  extracted: true",
    "  short: { id: Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan. }",
    "  long: { id: [Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan.] }",
    "actors:",
    "  japan:",
    "    name: { id: Jepang, en: Japan }",
    '    flag: "🇯🇵"',
    "    color: 0xBC002D",
    "    aliases: { id: [Jepang, Kamikawa] }",
    "    reaction: { id: Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan. }",
    "    quotes:",
    "      - speaker: Yoko Kamikawa",
    "        role: { id: Menteri Luar Negeri Jepang }",
    "        text: Kami siap membantu",
    "background: []",
    "",
  ].join("\n");
}

describe("drafts", () => {
  it("GIVEN a folder with status: draft THEN it is validated but the library does not serve it", () => {
    const dir = contentWith("2023-10-02-bantuan", indonesianOnly("draft"), ORIGINAL);
    expect(loadAllArticles(dir, dir).map((a) => a.id)).toContain("2023-10-02-bantuan");
    expect(loadLibrary(dir, dir).articles.map((a) => a.id)).toEqual([SEED]);
  });

  it("GIVEN no status field THEN the article is published", () => {
    const dir = contentWith("2023-10-02-bantuan", indonesianOnly(), ORIGINAL);
    expect(loadLibrary(dir, dir).newest().id).toBe("2023-10-02-bantuan");
  });

  it("GIVEN a draft that is broken THEN loading is refused all the same", () => {
    const dir = contentWith("2023-10-02-bantuan", indonesianOnly("draft"), "a different text\n");
    expect(() => loadLibrary(dir, dir)).toThrow(/quotes\[0\]\.text: is not verbatim/);
  });

  it("GIVEN only drafts THEN loading says there is no published article", () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-drafts-"));
    cpSync(join(CONTENT_DIR, SEED), join(dir, SEED), { recursive: true });
    const file = join(dir, SEED, "article.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^events_date:/m, "status: draft\nevents_date:"));
    expect(() => loadLibrary(dir, dir)).toThrow(/holds no published article/);
  });
});

describe("English pending", () => {
  const dir = contentWith("2023-10-02-bantuan", indonesianOnly("published"), ORIGINAL);
  const library = loadLibrary(dir, dir);
  const kabar = new Kabar({ library: () => library, commands: COMMANDS });

  it("GIVEN an article without English THEN the loader accepts it and marks its English as pending", () => {
    const article = library.get("2023-10-02-bantuan")!;
    expect(article.englishPending).toBe(true);
    expect(article.title.en).toBe("Jepang menjanjikan bantuan");
    expect(library.get(SEED)!.englishPending).toBe(false);
  });

  it("GIVEN an English asker THEN the reply is the Indonesian text under a one-line note", async () => {
    const reply = await kabar.run({ command: "reaction", lang: "en", args: { actor: "japan" } });
    expect(reply.blocks).toEqual([
      "The English version of this article is pending; here is the Indonesian text.",
      "Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan.",
    ]);
    expect(reply.quotes[0]).toMatchObject({ text: "Kami siap membantu", speaker: "Yoko Kamikawa" });
    expect(reply.quotes[0]!.translation).toBeUndefined();
  });

  it("GIVEN an English digest carrying it THEN the digest opens with the same note", () => {
    const digest = composeDigest(library, new Set([SEED]), "en", "new")!;
    expect(digest.reply.blocks[0]).toBe("The English version of this article is pending; here is the Indonesian text.");
    expect(composeDigest(library, new Set([SEED]), "id", "new")!.reply.blocks[0]).not.toMatch(/English/);
  });

  it("GIVEN an Indonesian asker THEN no note is added", async () => {
    const reply = await kabar.run({ command: "summary", lang: "id", args: { length: "short" } });
    expect(reply.blocks).toEqual(["Menteri Luar Negeri Jepang Yoko Kamikawa menjanjikan bantuan."]);
  });

  it("GIVEN the seed article, written in both languages THEN English replies carry no note", async () => {
    const reply = await kabar.run({ command: "summary", lang: "en", args: { article: SEED, length: "short" } });
    expect(reply.blocks[0]).toMatch(/^France called/);
  });
});
