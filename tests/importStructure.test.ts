import { describe, expect, it } from "vitest";
import { toParagraphs, toSentences } from "../src/import/paragraphs.js";
import { isQuestionHeading, toStructure } from "../src/import/structure.js";

/** The first steps of an import on the ways real pages write: line endings, numbers, abbreviations, spacing. */
describe("a text cut into paragraphs and sentences", () => {
  it("GIVEN old Mac line endings (a lone CR) THEN each line is a paragraph", () => {
    expect(toParagraphs("Jepang berjanji membantu.\rBantuan tiba besok.")).toEqual(["Jepang berjanji membantu.", "Bantuan tiba besok."]);
  });

  it("GIVEN a straight-quoted quotation with full stops inside THEN the sentence does not end inside it", () => {
    expect(toSentences('Jepang berjanji. "Kami siap. Sangat siap," ujar Tanabe. Bantuan tiba.')).toEqual([
      "Jepang berjanji.",
      '"Kami siap. Sangat siap," ujar Tanabe.',
      "Bantuan tiba.",
    ]);
  });

  it("GIVEN a decimal number THEN its point ends no sentence", () => {
    expect(toSentences("Inflasi naik 2.5 persen menurut Bank Indonesia.")).toEqual(["Inflasi naik 2.5 persen menurut Bank Indonesia."]);
  });

  it("GIVEN a number before the full stop THEN the sentence ends there", () => {
    expect(toSentences("Korban tewas mencapai 120. Tim SAR masih mencari.")).toEqual(["Korban tewas mencapai 120.", "Tim SAR masih mencari."]);
  });

  it("GIVEN two spaces after a full stop THEN the sentence still ends there", () => {
    expect(toSentences("Jepang berjanji membantu.  Bantuan tiba besok.")).toEqual(["Jepang berjanji membantu.", "Bantuan tiba besok."]);
  });

  it("GIVEN an acronym of three letters before the full stop THEN it ends the sentence", () => {
    expect(toSentences("Bantuan datang dari PBB. Rusia menolak.")).toEqual(["Bantuan datang dari PBB.", "Rusia menolak."]);
  });

  it("GIVEN a title of two letters such as Dr. THEN the sentence goes on", () => {
    expect(toSentences("Menurut Dr. Tedros Adhanom, wabah mereda.")).toEqual(["Menurut Dr. Tedros Adhanom, wabah mereda."]);
  });

  it("GIVEN a short capitalised word before an exclamation mark THEN the sentence ends there", () => {
    expect(toSentences("Rusia menyalahkan AS! Washington membantah.")).toEqual(["Rusia menyalahkan AS!", "Washington membantah."]);
  });

  it("GIVEN a two-letter word in lower case before the full stop THEN the sentence ends there", () => {
    expect(toSentences("Ditanya soal bantuan, ia menjawab ya. Rusia menolak.")).toEqual(["Ditanya soal bantuan, ia menjawab ya.", "Rusia menolak."]);
  });

  it("GIVEN an empty paragraph THEN no sentence", () => {
    expect(toSentences("")).toEqual([]);
  });
});

describe("an article's structure from its lines", () => {
  it("GIVEN a dash line longer than a name (over 60 characters) THEN it is a paragraph, not an actor line", () => {
    const line = "- Bantuan kemanusiaan dari berbagai negara terus berdatangan ke lokasi gempa";
    expect(toStructure([line]).parts).toEqual([{ paragraphs: [line] }]);
  });

  it("GIVEN a dash written against the name THEN it opens the actor's part", () => {
    expect(toStructure(["-Rusia", "Rusia menyerukan gencatan senjata."]).parts).toEqual([{ heading: "Rusia", paragraphs: ["Rusia menyerukan gencatan senjata."] }]);
  });

  it("GIVEN an actor line with nothing under it THEN no part for it", () => {
    expect(toStructure(["- PBB", "- Rusia", "Rusia menyerukan gencatan senjata."]).parts).toEqual([
      { heading: "Rusia", paragraphs: ["Rusia menyerukan gencatan senjata."] },
    ]);
  });

  it("GIVEN a question heading with nothing under it THEN no section for it", () => {
    expect(toStructure(["Rusia menyerukan gencatan senjata.", "Apa Peran Rusia?"]).sections).toEqual([]);
  });

  it.each([
    ["Baca  juga: Berita lain", "Berita lain"],
    ["Baca juga : Berita lain", "Berita lain"],
    ["Baca juga:Berita lain", "Berita lain"],
  ])("GIVEN the related line %j THEN it points to %j", (line, title) => {
    expect(toStructure(["Rusia menyerukan gencatan senjata.", line]).related).toEqual([title]);
  });

  it("GIVEN 'baca juga:' inside a sentence THEN it is a paragraph, not a related line", () => {
    const line = "Pembaca bisa baca juga: laporan PBB tahun lalu.";
    const s = toStructure([line]);
    expect([s.related, s.parts]).toEqual([[], [{ paragraphs: [line] }]]);
  });

  it("GIVEN a last paragraph ending in a date in parentheses THEN it is a paragraph, not a credit", () => {
    const s = toStructure(["Gempa terjadi pada Senin (6/11/2023)"]);
    expect([s.credit, s.parts]).toEqual([undefined, [{ paragraphs: ["Gempa terjadi pada Senin (6/11/2023)"] }]]);
  });

  it("GIVEN a photo caption as the last line THEN it is a paragraph, not a credit", () => {
    const s = toStructure(["(foto: Antara/Rina) Warga mengungsi ke tenda darurat."]);
    expect(s.credit).toBeUndefined();
  });

  it("GIVEN a credit-shaped line before the end THEN it is a paragraph and the text has no credit", () => {
    const s = toStructure(["(Antara/Rina)", "Warga mengungsi ke tenda darurat."]);
    expect([s.credit, s.parts]).toEqual([undefined, [{ paragraphs: ["(Antara/Rina)", "Warga mengungsi ke tenda darurat."] }]]);
  });
});

describe("a question subheading", () => {
  it.each([
    ["Mengapa Rusia?", true],
    ["Mengapa?", false],
    ["Bagaimana Nasib Pengungsi Armenia Setelah Operasi Militer Azerbaijan?", true],
    ["Bagaimana Nasib Pengungsi Armenia Setelah Operasi Militer Azerbaijan Kemarin?", false],
    ["Bagaimana  Nasib Pengungsi Armenia Setelah Operasi Militer Azerbaijan?", true],
    ["Rusia Menolak Tuduhan", false],
    ["Apa Kata Rusia, Prancis dan PBB?", false],
    ["apa peran Rusia?", false],
    // Eight words and more than 80 characters.
    ["Bagaimana Ketergantungan Perekonomian Internasional Memengaruhi Kebijakan Perdagangan Indonesia?", false],
  ])("GIVEN %j THEN question heading is %s", (line, expected) => {
    expect(isQuestionHeading(line)).toBe(expected);
  });

  it.each([
    [80, true],
    [81, false],
  ])("GIVEN a question of %i characters in few words THEN question heading is %s", (length, expected) => {
    const line = `Bagaimana Ketergantungan Perekonomian Internasional Memengaruhi ${"A".repeat(length - 65)}?`;
    expect(line).toHaveLength(length);
    expect(isQuestionHeading(line)).toBe(expected);
  });
});
