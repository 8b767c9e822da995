import { describe, expect, it } from "vitest";
import { actorIdentity, placesIn, stableColor, toActors } from "../src/import/actors.js";
import { articleId, dateOnly, eventsDateIn, titleFrom } from "../src/import/metadata.js";
import { toParagraphs, toSentences } from "../src/import/paragraphs.js";
import { findQuotes, parseAttribution } from "../src/import/quotes.js";
import { distinctiveWords, sectionId, toSections } from "../src/import/sections.js";
import { resolveSpeaker } from "../src/import/speakers.js";
import { isQuestionHeading, toStructure } from "../src/import/structure.js";
import { toSummary } from "../src/import/summary.js";

describe("import step: text -> paragraphs -> sentences", () => {
  it("GIVEN lines with blanks and CRLF THEN one trimmed paragraph per non-empty line", () => {
    expect(toParagraphs("  Satu.\r\n\r\nDua.  \n\n")).toEqual(["Satu.", "Dua."]);
  });

  it("GIVEN a paragraph THEN sentences split after a full stop, never inside a quotation", () => {
    expect(toSentences("Jepang berjanji. “Kami siap. Sangat siap,” ujar Tanabe. Bantuan tiba.")).toEqual([
      "Jepang berjanji.",
      "“Kami siap. Sangat siap,” ujar Tanabe.",
      "Bantuan tiba.",
    ]);
  });

  it("GIVEN an abbreviation such as A.S. THEN the sentence does not end there", () => {
    expect(toSentences("Utusan A.S. Tiba hari ini.")).toHaveLength(1);
  });
});

describe("import step: paragraphs -> structure", () => {
  it.each([
    ["Apa Peran Rusia?", true],
    ["Bagaimana Kondisi Pengungsi?", true],
    ["“Apa yang terjadi?” tanya dia?", false],
    ["apa peran rusia?", false],
    ["Mengapa Azerbaijan melancarkan operasi militer itu ketika dunia sedang sibuk dengan perang lain?", false],
    ["Rusia menyerukan gencatan senjata.", false],
  ])("GIVEN %j THEN question heading is %s", (line, expected) => {
    expect(isQuestionHeading(line)).toBe(expected);
  });

  it("GIVEN the seed's conventions THEN parts, a section, related lines and the credit are told apart", () => {
    const s = toStructure([
      "Prancis mengecam.",
      "- PBB",
      "PBB menyerukan damai.",
      "Baca juga: Berita lain",
      "Apa Peran Rusia?",
      "Rusia terjebak.",
      "(Tribunnews.com/Andari Wulan Nugrahani)",
    ]);
    expect(s.parts).toEqual([{ paragraphs: ["Prancis mengecam."] }, { heading: "PBB", paragraphs: ["PBB menyerukan damai."] }]);
    expect(s.sections).toEqual([{ title: "Apa Peran Rusia?", paragraphs: ["Rusia terjebak."] }]);
    expect(s.related).toEqual(["Berita lain"]);
    expect(s.credit).toEqual({ outlet: "Tribunnews.com", author: "Andari Wulan Nugrahani" });
  });

  it("GIVEN a dash line that is a sentence THEN it is a paragraph, not an actor line", () => {
    expect(toStructure(["- Bantuan sudah tiba di lokasi."]).parts).toEqual([{ paragraphs: ["- Bantuan sudah tiba di lokasi."] }]);
  });
});

describe("import step: quotes with attribution", () => {
  it.each([
    ["“Kami siap,” kata Colonna.", { speaker: "Colonna", statement: false }],
    ['"Kami siap," ujar Tanabe kepada wartawan di Tokyo.', { speaker: "Tanabe", statement: false }],
    ["“Kami siap,” ungkap Komisioner Uni Eropa, Elena Varga.", { speaker: "Elena Varga", role: "Komisioner Uni Eropa", statement: false }],
    ["“Kami siap,” tegas Menteri Perdagangan Indonesia, Bambang Setiadi.", { speaker: "Bambang Setiadi", role: "Menteri Perdagangan Indonesia", statement: false }],
    ["“Kami siap,” kata juru bicara Guterres, Stephane Dujarric.", { speaker: "Stephane Dujarric", role: "juru bicara Guterres", statement: false }],
    ["“Kami siap,” kata kementerian itu dalam sebuah pernyataan.", { speaker: "kementerian itu", statement: true }],
    ["Menurut Kementerian Perdagangan Tiongkok, “kami siap.”", { speaker: "Kementerian Perdagangan Tiongkok", statement: false }],
    ["Tanabe mengatakan, “kami siap.”", { speaker: "Tanabe", statement: false }],
  ])("GIVEN %j THEN the attribution is read", (paragraph, attribution) => {
    const [quote] = findQuotes(paragraph);
    expect(quote?.text.toLowerCase()).toBe("kami siap");
    expect(quote?.attribution).toEqual(attribution);
  });

  it("GIVEN a short quoted word with no attribution THEN it is a scare quote, not a quote", () => {
    expect(findQuotes("Kebijakan “hilirisasi” terus berjalan.")).toEqual([]);
  });

  it("GIVEN a quote THEN its text is verbatim: only the closing comma or full stop is dropped", () => {
    const p = "“Air bersih, sanitasi: prioritas kami,” kata juru bicara WHO, Tarik Lindholm.";
    expect(findQuotes(p)[0]!.text).toBe("Air bersih, sanitasi: prioritas kami");
    expect(p).toContain(findQuotes(p)[0]!.text);
  });

  it("GIVEN a lower-case role then a name THEN both are read", () => {
    expect(parseAttribution("juru bicara WHO Tarik Lindholm")).toEqual({ speaker: "Tarik Lindholm", role: "juru bicara WHO", statement: false });
  });
});

describe("import step: speakers", () => {
  const context = ["Menteri Luar Negeri Perancis Catherine Colonna mengatakan, operasi itu ilegal."];

  it("GIVEN a last name THEN the full name and the title come from the article's words", () => {
    expect(resolveSpeaker({ speaker: "Colonna", statement: false }, context, context)).toEqual({
      name: "Catherine Colonna",
      role: "Menteri Luar Negeri Perancis",
    });
  });

  it("GIVEN 'kementerian itu … dalam sebuah pernyataan' THEN the last ministry named, speaking in a statement", () => {
    const ctx = ["Kementerian Luar Negeri Rusia juga menyerukan gencatan senjata.", "“Kami mendesak,” kata kementerian itu."];
    expect(resolveSpeaker({ speaker: "kementerian itu", statement: true }, ctx, ctx)).toEqual({ name: "Kementerian Luar Negeri Rusia", role: "Pernyataan" });
  });

  it("GIVEN a role in the attribution THEN it is kept, capitalised", () => {
    expect(resolveSpeaker({ speaker: "Stephane Dujarric", role: "juru bicara Guterres", statement: false }, [], [])).toEqual({
      name: "Stephane Dujarric",
      role: "Juru bicara Guterres",
    });
  });
});

describe("import step: actors", () => {
  it.each([
    ["Uni Eropa", "EU"],
    ["PBB", "UN"],
    ["WHO", "WHO"],
    ["Tiongkok", "CN"],
    ["Perancis", "FR"],
  ])("GIVEN the name %j THEN the code is %s", (name, code) => {
    expect(placesIn(name)[0]).toBe(code);
  });

  it("GIVEN a country THEN names in both languages, the flag and aliases come from the country data", () => {
    const fr = actorIdentity("FR", "Perancis");
    expect(fr).toMatchObject({ id: "france", name: { id: "Perancis", en: "France" }, flag: "🇫🇷" });
    expect(fr.aliases.en).toEqual(expect.arrayContaining(["France", "French", "Paris"]));
  });

  it("GIVEN an organisation THEN its entry in the organisations table", () => {
    expect(actorIdentity("UN", "PBB")).toMatchObject({ id: "un", name: { id: "PBB", en: "United Nations" }, flag: "🇺🇳", color: 0x009edb });
  });

  it("GIVEN a code THEN the colour is the same every time and differs between neighbours", () => {
    expect(stableColor("FR")).toBe(stableColor("FR"));
    expect(stableColor("FR")).not.toBe(stableColor("RU"));
  });

  it("GIVEN parts THEN each becomes an actor with its quotes and its own sentences as the reaction", () => {
    const paragraphs = [
      "Menteri Luar Negeri Jepang Hiroshi Tanabe menjanjikan bantuan.",
      '"Kami siap membantu rakyat Nusa Selatan," ujar Tanabe.',
      "WHO memperingatkan risiko penyakit.",
      "“Air bersih adalah prioritas,” kata juru bicara WHO, Tarik Lindholm.",
    ];
    const actors = toActors(
      [{ paragraphs: paragraphs.slice(0, 2) }, { heading: "WHO", paragraphs: paragraphs.slice(2) }],
      paragraphs,
    );
    expect(actors.map((a) => a.id)).toEqual(["japan", "who"]);
    expect(actors[0]!.reaction).toBe("Menteri Luar Negeri Jepang Hiroshi Tanabe menjanjikan bantuan.");
    expect(actors[0]!.quotes).toEqual([{ speaker: "Hiroshi Tanabe", role: "Menteri Luar Negeri Jepang", text: "Kami siap membantu rakyat Nusa Selatan" }]);
    expect(actors[1]!.quotes[0]).toMatchObject({ speaker: "Tarik Lindholm", role: "Juru bicara WHO" });
    expect(actors[1]!.aliases.id).toEqual(expect.arrayContaining(["WHO", "Tarik Lindholm", "Lindholm"]));
  });
});

describe("import step: background sections", () => {
  it.each([
    ["Apa Peran Rusia?", "peran-rusia"],
    ["Bagaimana Kondisi Pengungsi?", "kondisi-pengungsi"],
    ["Mengapa?", "latar-belakang"],
  ])("GIVEN the title %j THEN the id is %s", (title, id) => {
    expect(sectionId(title)).toBe(id);
  });

  it("GIVEN a section THEN its keywords are the words frequent in it and rare elsewhere", () => {
    const words = distinctiveWords("Smelter nikel dibangun. Nikel untuk baterai.", "Uni Eropa menolak larangan ekspor nikel.");
    expect(words[0]).toBe("smelter");
    expect(words).toContain("baterai");
    expect(words).not.toContain("untuk");
  });

  it("GIVEN a section naming an actor of the article THEN the section lists it", () => {
    const [s] = toSections([{ title: "Apa Peran Rusia?", paragraphs: ["Rusia terjebak di Ukraina."] }], ["Rusia terjebak di Ukraina."], new Map([["RU", "russia"]]));
    expect(s).toMatchObject({ id: "peran-rusia", actors: ["russia"], text: ["Rusia terjebak di Ukraina."] });
  });
});

describe("import step: summaries", () => {
  it("GIVEN parts and sections THEN the summaries are their first own sentences, quotes left out", () => {
    const summary = toSummary(
      [{ paragraphs: ["“Kami siap,” kata Tanabe.", "Jepang berjanji membantu. Tim tiba besok."] }],
      [{ title: "Apa?", paragraphs: ["Pengungsi bertambah."] }],
      [],
    );
    expect(summary).toEqual({ short: "Jepang berjanji membantu.", long: ["Jepang berjanji membantu.", "Pengungsi bertambah."] });
  });
});

describe("import step: metadata", () => {
  it.each([
    ["pada Rabu (20/9/2023).", "2023-09-20"],
    ["Senin (6/11/2023)", "2023-11-06"],
    ["pada 14 Maret 2024 lalu", "2024-03-14"],
    ["tanpa tanggal", undefined],
    ["Rabu (40/9/2023)", undefined],
  ])("GIVEN %j THEN the date of the events is %s", (text, date) => {
    expect(eventsDateIn(text)).toBe(date);
  });

  it("GIVEN page dates THEN the day is taken as written", () => {
    expect(dateOnly("2023-09-20T23:30:00+07:00")).toBe("2023-09-20");
    expect(dateOnly("Wed, 20 Sep 2023 10:00:00 GMT")).toBe("2023-09-20");
    expect(dateOnly("kemarin")).toBeUndefined();
  });

  it("GIVEN a long first sentence THEN the title is cut at a word", () => {
    const title = titleFrom("Pemerintah Indonesia menolak putusan panel sengketa Organisasi Perdagangan Dunia soal larangan ekspor bijih nikel.", 60);
    expect(title).toBe("Pemerintah Indonesia menolak putusan panel sengketa…");
  });

  it("GIVEN a date and a title THEN the id is the date and the title's first words", () => {
    expect(articleId("2023-11-06", "Jepang menjanjikan bantuan bagi korban gempa di Nusa Selatan")).toBe("2023-11-06-jepang-menjanjikan-bantuan-bagi-korban");
  });
});
