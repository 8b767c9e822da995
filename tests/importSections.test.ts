import { describe, expect, it } from "vitest";
import { toActors } from "../src/import/actors.js";
import { distinctiveWords, sectionId, toSections } from "../src/import/sections.js";
import { toSummary } from "../src/import/summary.js";

/** Background sections and summaries of an import, on article-shaped text. */
describe("a background section's id", () => {
  it.each([
    ["Apakah Sanksi Efektif?", "sanksi-efektif"],
    ["Siapa Pemimpin Armenia?", "pemimpin-armenia"],
    ["Kenapa Harga Nikel Naik?", "harga-nikel-naik"],
    ["Kapan Pengungsi Pulang?", "pengungsi-pulang"],
    ["Di Mana Pengungsi Tinggal?", "pengungsi-tinggal"],
    ["Berapa Korban Jiwa?", "korban-jiwa"],
    ["Seperti Apa Dampaknya?", "dampaknya"],
  ])("GIVEN the title %j THEN the question words are left out: %s", (title, id) => {
    expect(sectionId(title)).toBe(id);
  });

  it("GIVEN a long title THEN the id is cut after a whole word, within 24 characters", () => {
    expect(sectionId("Bagaimana Nasib Pengungsi Armenia di Karabakh?")).toBe("nasib-pengungsi-armenia");
  });

  it("GIVEN a title opening with a number THEN the id starts at the first word", () => {
    expect(sectionId("Mengapa 300 Warga Mengungsi?")).toBe("warga-mengungsi");
  });

  it("GIVEN a title of a question word and a year THEN the id is 'latar-belakang'", () => {
    expect(sectionId("Mengapa 2023?")).toBe("latar-belakang");
  });

  it("GIVEN three sections of one title THEN the ids are numbered from 2", () => {
    const section = { title: "Apa Peran Rusia?", paragraphs: ["Rusia terjebak di Ukraina."] };
    expect(toSections([section, section, section], section.paragraphs, new Map()).map((s) => s.id)).toEqual(["peran-rusia", "peran-rusia-2", "peran-rusia-3"]);
  });

  it("GIVEN two sections of one long title THEN the second id, numbered, is no longer than the first", () => {
    const section = { title: "Bagaimana Nasib Pengungsi Armenia di Karabakh?", paragraphs: ["Ribuan warga mengungsi ke Armenia."] };
    expect(toSections([section, section], section.paragraphs, new Map()).map((s) => s.id)).toEqual(["nasib-pengungsi-armenia", "nasib-pengungsi-armen-2"]);
  });
});

describe("a background section's keywords and actors", () => {
  it("GIVEN words of three letters and words with digits THEN none is a keyword; a word of four letters is", () => {
    const words = distinctiveWords("Warga desa mengungsi ke GOR sejak 2023, dibantu tim covid19.", "");
    expect(words).toContain("desa");
    expect(words.filter((w) => w.length < 4 || /\d/.test(w))).toEqual([]);
  });

  it("GIVEN words equally distinctive THEN they come in the order of the text", () => {
    expect(distinctiveWords("Smelter nikel dibangun.", "")).toEqual(["smelter", "nikel", "dibangun"]);
  });

  it("GIVEN a section written as lines without full stops THEN the places on every line are its actors", () => {
    const section = { title: "Siapa Terlibat?", paragraphs: ["Pasukan perdamaian dari Rusia", "Armenia sebagai pihak yang dirugikan"] };
    const [s] = toSections([section], section.paragraphs, new Map([["RU", "russia"], ["AM", "armenia"]]));
    expect(s!.actors).toEqual(["russia", "armenia"]);
  });

  it("GIVEN a word as frequent outside the section, in lines without full stops THEN it ranks below the section's own words", () => {
    const section = { title: "Apa Dampak Tarif?", paragraphs: ["Sanksi ekonomi dan sanksi dagang membuat tarif naik."] };
    const article = ["Uni Eropa menjatuhkan sanksi", "Sanksi ditolak Moskwa", ...section.paragraphs];
    const [s] = toSections([section], article, new Map());
    expect(s!.keywords.at(-1)).toBe("sanksi");
  });

  it("GIVEN a long section THEN at most 12 keywords, the title's words first", () => {
    const section = {
      title: "Apa Dampak Tarif?",
      paragraphs: ["Tarif baja naik, harga mobil melonjak, pabrik baterai tutup, ekspor nikel anjlok, buruh tambang kehilangan pekerjaan, petani sawit cemas, nelayan pesisir mengeluh."],
    };
    const [s] = toSections([section], section.paragraphs, new Map());
    expect(s!.keywords).toHaveLength(12);
    expect(s!.keywords.slice(0, 2)).toEqual(["dampak", "tarif"]);
  });
});

describe("an import's summaries", () => {
  it("GIVEN a part made only of quotes THEN it gives no sentence to the long summary", () => {
    const summary = toSummary([{ paragraphs: ["“Kami siap membantu,” kata Tanabe."] }], [{ title: "Apa?", paragraphs: ["Pengungsi bertambah."] }], []);
    expect(summary.long).toEqual(["Pengungsi bertambah."]);
  });

  it("GIVEN a text made only of quotes THEN the summaries are the actors' reactions", () => {
    const paragraphs = ["“Kami menyerukan gencatan senjata segera,” kata juru bicara PBB, Stephane Dujarric."];
    const parts = [{ heading: "PBB", paragraphs }];
    expect(toSummary(parts, [], toActors(parts, paragraphs))).toEqual({ short: paragraphs[0], long: paragraphs });
  });
});
