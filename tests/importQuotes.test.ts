import { describe, expect, it } from "vitest";
import { findQuotes } from "../src/import/quotes.js";
import { resolveSpeaker } from "../src/import/speakers.js";

/** Quotes and who said them, on the ways real articles write them. */
const attributionOf = (paragraph: string) => findQuotes(paragraph)[0]?.attribution;

describe("who a quote's attribution names", () => {
  it.each([
    ["Bantuan tiba kemarin. Menurut Tanabe, “kami siap membantu.”", "Tanabe"],
    ["Bantuan tiba kemarin.  Menurut  Tanabe,  “kami siap membantu.”", "Tanabe"],
    ["Bantuan tiba kemarin. Tanabe mengatakan, “kami siap membantu.”", "Tanabe"],
    ["Bantuan tiba kemarin.  Tanabe  mengatakan,  “kami siap membantu.”", "Tanabe"],
    ["Tanabe mengatakan “kami siap membantu.”", "Tanabe"],
    ["Tanabe mengatakan,“kami siap membantu.”", "Tanabe"],
    ["“Kami siap membantu,” Kata Tanabe.", "Tanabe"],
    ["“Kami siap membantu,” kata PBB.", "PBB"],
  ])("GIVEN %j THEN the speaker is %s", (paragraph, speaker) => {
    expect(attributionOf(paragraph)?.speaker).toBe(speaker);
  });

  it.each([
    ["Menurut Tanabe, bantuan sudah dikirim. Warga menyebut bantuan itu “datang terlambat dan jauh dari cukup”."],
    ["Tanabe mengatakan bantuan sudah dikirim. Warga menyebut bantuan itu “datang terlambat dan jauh dari cukup”."],
  ])("GIVEN a 'said' phrase the quote does not follow THEN the quote is not put in that speaker's mouth: %j", (paragraph) => {
    expect(findQuotes(paragraph)).toEqual([{ text: "datang terlambat dan jauh dari cukup", paragraph }]);
  });

  it.each([
    ["kata kementerian itu dalam pernyataan"],
    ["kata kementerian itu lewat suatu keterangan tertulis"],
    ["kata kementerian itu dalam  sebuah  pernyataan"],
    ["kata kementerian itu melalui  suatu  siaran pers"],
  ])("GIVEN '%s' THEN the ministry spoke in a statement", (phrase) => {
    expect(attributionOf(`“Kami mendesak gencatan senjata,” ${phrase}.`)).toEqual({ speaker: "kementerian itu", statement: true });
  });

  it("GIVEN 'di kota tersebut' after the speaker's name THEN the speaker is the person, not the town", () => {
    expect(attributionOf("“Kami akan membangun kembali,” kata Gubernur Nusa Selatan Made Wirawan di kota tersebut.")?.speaker).toBe(
      "Gubernur Nusa Selatan Made Wirawan",
    );
  });

  it("GIVEN a lower-case role, a name of three words and more words after THEN role and name are read", () => {
    expect(attributionOf("“Kami memantau situasi,” kata juru bicara Kemlu Lalu Muhammad Iqbal kepada wartawan.")).toEqual({
      speaker: "Lalu Muhammad Iqbal",
      role: "juru bicara Kemlu",
      statement: false,
    });
  });

  it("GIVEN a role and a name typed with double spaces THEN role and name are read", () => {
    expect(attributionOf("“Kami memantau situasi,” kata juru bicara Kemlu  Lalu  Muhammad Iqbal.")).toMatchObject({
      speaker: expect.stringMatching(/^Lalu\s+Muhammad Iqbal$/),
      role: "juru bicara Kemlu",
    });
  });

  it("GIVEN a name typed with a double space THEN the whole name is the speaker", () => {
    expect(attributionOf("“Kami siap membantu,” kata Bambang  Setiadi.")?.speaker).toMatch(/^Bambang\s+Setiadi$/);
  });

  it("GIVEN 'kementerian  itu' typed with a double space THEN it is still the ministry named before", () => {
    expect(attributionOf("“Kami mendesak gencatan senjata,” kata kementerian  itu.")?.speaker).toMatch(/^kementerian\s+itu$/);
  });

  it("GIVEN a space before the comma that parts role and name THEN the role ends at its last word", () => {
    expect(attributionOf("“Kami siap,” kata juru bicara Guterres , Stephane Dujarric.")).toEqual({
      speaker: "Stephane Dujarric",
      role: "juru bicara Guterres",
      statement: false,
    });
  });

  it("GIVEN an unnamed official THEN the quote is kept with no speaker made up", () => {
    const paragraph = "“Kami tidak akan tinggal diam melihat ini,” kata seorang pejabat, yang enggan disebut namanya.";
    expect(findQuotes(paragraph)).toEqual([{ text: "Kami tidak akan tinggal diam melihat ini", paragraph }]);
  });

  it("GIVEN an unnamed official who accompanied someone named THEN the quote is not put in the named one's mouth", () => {
    expect(attributionOf("“Kami memantau situasi dengan sangat cermat,” kata pejabat Kemlu yang mendampingi Lalu Muhammad Iqbal.")).toBeUndefined();
  });
});

describe("the words of a quote", () => {
  it("GIVEN spaces inside the quotation marks and a comma before the closing one THEN the text is the words only", () => {
    expect(findQuotes("“ Kami siap membantu, ” kata Tanabe.")[0]?.text).toBe("Kami siap membantu");
  });

  it("GIVEN quotation marks around an ellipsis only THEN no quote", () => {
    expect(findQuotes("“...,” kata Tanabe, lalu terdiam.")).toEqual([]);
  });

  it.each([
    ["Warga menyebut bantuan itu “datang terlambat dan sama sekali kurang”.", true],
    ["Warga menyebut bantuan itu “datang terlambat dan sangat kurang”.", false],
    ["Warga menyebut bantuan itu “datang  terlambat dan sangat kurang”.", false],
  ])("GIVEN the unattributed quotation in %j THEN it is kept as a quote: %s (six words at least, else a scare quote)", (paragraph, kept) => {
    expect(findQuotes(paragraph).length > 0).toBe(kept);
  });
});

describe("the speaker's full name and role from the article's words", () => {
  const quote = "“Kami siap membantu,” ujar Tanabe.";

  it("GIVEN titles with no place before the name THEN the titles are the role", () => {
    const context = ["Sekretaris Jenderal Antonio Guterres menyerukan gencatan senjata.", "“Hentikan kekerasan,” kata Guterres."];
    expect(resolveSpeaker({ speaker: "Guterres", statement: false }, context, context)).toEqual({ name: "Antonio Guterres", role: "Sekretaris Jenderal" });
  });

  it("GIVEN a title right before a last name THEN the last name is the name and the title the role", () => {
    const context = ["Presiden Macron mengecam serangan itu.", "“Ini tidak dapat diterima,” kata Macron."];
    expect(resolveSpeaker({ speaker: "Macron", statement: false }, context, context)).toEqual({ name: "Macron", role: "Presiden" });
  });

  it("GIVEN a full name with no title THEN the full name and no role", () => {
    const context = ["Hiroshi Tanabe tiba di Jakarta kemarin.", quote];
    expect(resolveSpeaker({ speaker: "Tanabe", statement: false }, context, context)).toEqual({ name: "Hiroshi Tanabe" });
  });

  it("GIVEN two people of one last name before the quote THEN the one named nearest before it", () => {
    const context = [
      "Menteri Luar Negeri Jepang Hiroshi Tanabe menjanjikan bantuan.",
      "Kepala Badan Penanggulangan Bencana Jepang Kenji Tanabe meninjau lokasi.",
      quote,
    ];
    expect(resolveSpeaker({ speaker: "Tanabe", statement: false }, context, context).name).toBe("Kenji Tanabe");
  });

  it("GIVEN two ministries named in earlier paragraphs THEN 'kementerian itu' is the one named last", () => {
    const context = [
      "Kementerian Luar Negeri Rusia menyerukan gencatan senjata.",
      "Kementerian Pertahanan Rusia membantah terlibat.",
      "“Pasukan kami tidak terlibat,” kata kementerian itu.",
    ];
    expect(resolveSpeaker({ speaker: "kementerian itu", statement: false }, context, context).name).toBe("Kementerian Pertahanan Rusia");
  });

  it("GIVEN two ministries named in one paragraph THEN 'kementerian itu' is the one named last", () => {
    const context = ["Kementerian Luar Negeri dan Kementerian Pertahanan Rusia membantah terlibat.", "“Pasukan kami tidak terlibat,” kata kementerian itu."];
    expect(resolveSpeaker({ speaker: "kementerian itu", statement: false }, context, context).name).toBe("Kementerian Pertahanan Rusia");
  });

  it("GIVEN a ministry quoted by name in a statement THEN the ministry, speaking in a statement", () => {
    const [found] = findQuotes("“Kami mendesak gencatan senjata,” kata Kementerian Luar Negeri Rusia dalam sebuah pernyataan.");
    expect(resolveSpeaker(found!.attribution!, [], [])).toEqual({ name: "Kementerian Luar Negeri Rusia", role: "Pernyataan" });
  });
});
