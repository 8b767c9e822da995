import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadAllArticles } from "../src/content/loader.js";
import { importText } from "../src/import/importText.js";
import { CONTENT_DIR, ROOT } from "./helpers/core.js";

const SEED = join(CONTENT_DIR, "2023-09-20-karabakh-reactions");
const FIXTURES = join(ROOT, "tests/fixtures/articles");

/** What an import writes, read back as the loader reads it. */
function loadImported(text: string) {
  const result = importText(text, {}, { publish: true });
  const dir = mkdtempSync(join(tmpdir(), "kabar-import-"));
  mkdirSync(join(dir, result.draft.id));
  writeFileSync(join(dir, result.draft.id, "article.yaml"), result.yaml);
  writeFileSync(join(dir, result.draft.id, "original.txt"), result.original);
  return { result, file: parse(result.yaml) as Record<string, any>, article: loadAllArticles(dir, dir)[0]! };
}

describe("importing the seed's text gives back the hand-written structure", () => {
  const hand = parse(readFileSync(join(SEED, "article.yaml"), "utf8")) as Record<string, any>;
  const { result, file, article } = loadImported(readFileSync(join(SEED, "original.txt"), "utf8"));

  it("GIVEN the seed text THEN the import loads through the loader, English pending", () => {
    expect(article.actors.length).toBe(3);
    expect(article.englishPending).toBe(true);
    expect(result.original).toBe(readFileSync(join(SEED, "original.txt"), "utf8"));
  });

  it.each(["events_date", "language", "outlet", "author", "related"])("GIVEN the seed text THEN %s matches the hand-written file", (field) => {
    expect(file[field]).toEqual(hand[field]);
  });

  it("GIVEN the seed text THEN the actors are france, un and russia, in the article's order, with the same flags", () => {
    expect(Object.keys(file.actors)).toEqual(Object.keys(hand.actors));
    for (const id of Object.keys(hand.actors)) expect(file.actors[id].flag).toBe(hand.actors[id].flag);
  });

  it("GIVEN the seed text THEN the UN's colour is the organisation's own, written as six hex digits", () => {
    expect(file.actors.un.color).toBe(hand.actors.un.color);
    expect(result.yaml).toMatch(/^ {4}color: 0x009EDB$/m);
  });

  it("GIVEN the seed text THEN every quote is the hand-written one, verbatim, with the same speaker", () => {
    for (const id of Object.keys(hand.actors)) {
      const mine = file.actors[id].quotes.map((q: any) => ({ speaker: q.speaker, text: q.text }));
      const theirs = hand.actors[id].quotes.map((q: any) => ({ speaker: q.speaker, text: q.text }));
      expect(mine).toEqual(theirs);
    }
  });

  it("GIVEN the seed text THEN the roles are the article's own words (the hand-written ones are an editor's)", () => {
    const roles = Object.fromEntries(Object.entries(file.actors).map(([id, a]: [string, any]) => [id, a.quotes[0].role.id]));
    expect(roles).toEqual({ france: "Menteri Luar Negeri Perancis", un: "Juru bicara Guterres", russia: "Pernyataan" });
    // Hand-written: "Menteri Luar Negeri Prancis", "Juru bicara Sekretaris Jenderal PBB", "Pernyataan resmi".
    expect(hand.actors.un.quotes[0].role.id).toBe("Juru bicara Sekretaris Jenderal PBB");
  });

  it("GIVEN the seed text THEN the names an asker would use are among the aliases", () => {
    for (const [id, names] of Object.entries({ france: ["Colonna", "Catherine Colonna", "Paris"], un: ["PBB", "Dujarric", "Stephane Dujarric"], russia: ["Rusia"] })) {
      expect(file.actors[id].aliases.id).toEqual(expect.arrayContaining(names));
    }
    expect(file.actors.un.name).toEqual(hand.actors.un.name);
    expect(file.actors.russia.name).toEqual(hand.actors.russia.name);
    // The text spells France "Perancis"; the editor wrote the everyday "Prancis".
    expect([file.actors.france.name.id, hand.actors.france.name.id]).toEqual(["Perancis", "Prancis"]);
  });

  it("GIVEN the seed text THEN the section 'Apa Peran Rusia?' is about Russia, holds the text's paragraphs and finds the editor's key words", () => {
    expect(file.background).toHaveLength(1);
    const [section] = file.background;
    expect(section.title.id).toBe(hand.background[0].title.id);
    expect(section.actors).toEqual(hand.background[0].actors);
    expect(section.text.id).toHaveLength(7);
    expect(section.keywords.id).toEqual(expect.arrayContaining(["perantara", "terjebak", "ukraina", "mengkritik"]));
    // The id comes from the Indonesian title; the editor named it in English.
    expect([section.id, hand.background[0].id]).toEqual(["peran-rusia", "russia-role"]);
  });

  it("GIVEN the seed text THEN the summaries are marked extracted and are sentences of the text", () => {
    expect(file.summary.extracted).toBe(true);
    for (const sentence of [file.summary.short.id, ...file.summary.long.id]) expect(result.original).toContain(sentence);
  });
});

describe("importing our own fixtures", () => {
  it("GIVEN the earthquake article THEN Japan, the EU and WHO with their quotes, the section and the credit", () => {
    const { file, article } = loadImported(readFileSync(join(FIXTURES, "gempa-nusa-selatan.txt"), "utf8"));
    expect(article.eventsDate).toBe("2023-11-06");
    expect([article.outlet, article.author]).toEqual(["Kabarnusa.com", "Rina Puspitasari"]);
    expect(article.actors.map((a) => [a.id, a.quotes.map((q) => `${q.speaker} (${q.role.id})`)])).toEqual([
      ["japan", ["Hiroshi Tanabe (Menteri Luar Negeri Jepang)"]],
      ["eu", ["Elena Varga (Komisioner Manajemen Krisis Uni Eropa)"]],
      ["who", ["Tarik Lindholm (Juru bicara WHO)"]],
    ]);
    expect(file.background[0]).toMatchObject({ id: "kondisi-pengungsi", title: { id: "Bagaimana Kondisi Pengungsi?" } });
    expect(file.related).toEqual(["Gempa magnitudo 6,8 guncang Nusa Selatan, ratusan rumah rusak"]);
  });

  it("GIVEN the nickel article THEN Indonesia, the EU and China, straight quotes and 'Menurut' read too", () => {
    const { file, article } = loadImported(readFileSync(join(FIXTURES, "sengketa-nikel.txt"), "utf8"));
    expect(article.eventsDate).toBe("2024-03-14");
    expect(article.actors.map((a) => [a.id, a.name.id, a.quotes.map((q) => q.speaker)])).toEqual([
      ["indonesia", "Indonesia", ["Bambang Setiadi"]],
      ["eu", "Uni Eropa", ["Marta Kowalczyk"]],
      ["china", "Tiongkok", ["Kementerian Perdagangan Tiongkok"]],
    ]);
    expect(article.actors[2]!.quotes[0]!.text).toBe("sengketa dagang sebaiknya diselesaikan melalui konsultasi yang setara");
    expect(file.background[0]).toMatchObject({ id: "nikel-penting", actors: ["indonesia"] });
    expect(file.background[0].keywords.id).toEqual(expect.arrayContaining(["nikel", "smelter", "baterai"]));
  });

  it("GIVEN a text with no country or organisation THEN one line says so", () => {
    expect(() => importText("Hujan turun sepanjang hari (1/1/2024).")).toThrow(/found no country or organisation/);
  });

  it("GIVEN a text with no date and no page date THEN one line says so", () => {
    expect(() => importText("Jepang menjanjikan bantuan.\n(Contoh.com/Penulis)")).toThrow(/no date of the events/);
  });
});
