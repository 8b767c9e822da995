import { describe, expect, it } from "vitest";
import { actorIdentity, stableColor, toActors } from "../src/import/actors.js";

/** Who an imported actor is when the data knows the code, and when it knows nothing. */
describe("an actor the data does not know", () => {
  it("GIVEN a name with accents and punctuation THEN the id is its letters and digits joined by dashes", () => {
    expect(actorIdentity(undefined, "¡Médicos  Sin Fronteras!").id).toBe("medicos-sin-fronteras");
  });

  it("GIVEN a long name cut at 24 characters right after a word THEN the id does not end in a dash", () => {
    expect(actorIdentity(undefined, "Ikatan Dokter Anak Laos Utara").id).toBe("ikatan-dokter-anak-laos");
  });

  it("GIVEN a code neither the countries nor the organisations know THEN the actor is the name as written, under a globe", () => {
    expect(actorIdentity("XX", "Negeri Antah")).toStrictEqual({
      id: "negeri-antah",
      name: { id: "Negeri Antah" },
      flag: "🌐",
      color: stableColor("Negeri Antah"),
      aliases: { id: ["Negeri Antah"], en: [] },
    });
  });

  it("GIVEN a name with no letter or digit THEN the id is 'actor'", () => {
    expect(actorIdentity(undefined, "—").id).toBe("actor");
  });
});

describe("an actor from the country data", () => {
  it("GIVEN no name written in the article THEN the data's Indonesian name, and no empty alias", () => {
    const fr = actorIdentity("FR", "");
    expect(fr.name).toEqual({ id: "Perancis", en: "France" });
    expect(fr.aliases.id).not.toContain("");
  });
});

describe("the colour of an imported actor", () => {
  const codes = ["FR", "RU", "JP", "UA", "AZ", "AM", "US", "Komite"];

  it.each(codes)("GIVEN %s THEN the colour has 60%% saturation and 42%% lightness (its brightest channel 171, its darkest 43)", (code) => {
    const c = stableColor(code);
    const channels = [c >> 16, (c >> 8) & 0xff, c & 0xff];
    expect([Math.max(...channels), Math.min(...channels)]).toEqual([171, 43]);
  });

  it("GIVEN FR THEN the colour is the one every import gave it (hue 47°), so a re-import keeps an editor's draft the same", () => {
    expect(stableColor("FR")).toBe(0xab942b);
  });

  it("GIVEN neighbouring codes THEN their hues lie far apart", () => {
    const hue = (c: number) => {
      const [r, g, b] = [c >> 16, (c >> 8) & 0xff, c & 0xff];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    const apart = Math.abs(hue(stableColor("FR")) - hue(stableColor("RU")));
    expect(Math.min(apart, 360 - apart)).toBeGreaterThan(60);
  });
});

describe("an organisation's and a country's names in English", () => {
  it("GIVEN the UN THEN its English aliases hold its English name and short names", () => {
    expect(actorIdentity("UN", "PBB").aliases.en).toEqual(expect.arrayContaining(["United Nations", "UN"]));
  });

  it("GIVEN a country the data gives no demonym (Bouvet Island) THEN its English aliases are its names only", () => {
    expect(actorIdentity("BV", "Pulau Bouvet").aliases.en).toEqual(["Bouvet Island"]);
  });
});

/** Parts of an article -> its actors, on article-shaped paragraphs. */
describe("the actors of an article's parts", () => {
  const actorsOf = (...parts: { heading?: string; paragraphs: string[] }[]) => toActors(parts, parts.flatMap((p) => p.paragraphs));

  it("GIVEN a part made only of a quote THEN the reaction is its paragraph", () => {
    const paragraph = "“Kami menyerukan gencatan senjata segera,” kata juru bicara PBB, Stephane Dujarric.";
    expect(actorsOf({ heading: "PBB", paragraphs: [paragraph] })[0]!.reaction).toBe(paragraph);
  });

  it("GIVEN two parts about one actor THEN one actor, its sentences joined with a space, the quotes of both", () => {
    const [russia, ...others] = actorsOf(
      { heading: "Rusia", paragraphs: ["Rusia menyerukan gencatan senjata.", "Moskwa menolak disalahkan."] },
      { heading: "Rusia", paragraphs: ["Rusia mengirim pasukan perdamaian.", "“Kami mendesak gencatan senjata,” kata Kementerian Luar Negeri Rusia."] },
    );
    expect(others).toEqual([]);
    expect(russia!.reaction).toBe("Rusia menyerukan gencatan senjata. Moskwa menolak disalahkan. Rusia mengirim pasukan perdamaian.");
    expect(russia!.quotes.map((q) => q.speaker)).toEqual(["Kementerian Luar Negeri Rusia"]);
  });

  it("GIVEN a part under a heading that names another country first in its text THEN the heading decides", () => {
    expect(actorsOf({ heading: "Armenia", paragraphs: ["Rusia dinilai gagal menjaga gencatan senjata di Karabakh."] }).map((a) => a.id)).toEqual(["armenia"]);
  });

  it("GIVEN opening paragraphs naming one country first and quoting another's minister THEN the actor is the minister's country", () => {
    const actors = actorsOf({ paragraphs: ["Rusia menuduh Ukraina menyerang lebih dulu.", "“Kami hanya membela diri,” kata Menteri Luar Negeri Ukraina Dmytro Kuleba."] });
    expect(actors.map((a) => a.id)).toEqual(["ukraine"]);
  });

  it("GIVEN opening paragraphs quoting another country's ministry by name THEN the actor is the ministry's country", () => {
    const actors = actorsOf({ paragraphs: ["Rusia menuduh Ukraina menyerang lebih dulu.", "“Kami hanya membela diri,” kata Kementerian Luar Negeri Ukraina."] });
    expect(actors.map((a) => a.id)).toEqual(["ukraine"]);
  });

  it("GIVEN opening paragraphs quoting the UN THEN the actor is the UN, named as the article writes it", () => {
    const actors = actorsOf({ paragraphs: ["“Kami menyerukan gencatan senjata segera,” kata juru bicara PBB, Stephane Dujarric."] });
    expect(actors.map((a) => [a.id, a.name.id])).toEqual([["un", "PBB"]]);
  });

  it("GIVEN a country the opening paragraphs name by its capital, its own name only inside a longer word THEN it is named as written", () => {
    const actors = actorsOf({ paragraphs: ["Nigeria menutup perbatasan.", "“Kami tidak akan tunduk,” kata Perdana Menteri Niamey, Ali Lamine Zeine."] });
    expect(actors.map((a) => [a.id, a.name.id])).toEqual([["niger", "Niamey"]]);
  });

  it("GIVEN a country the opening paragraphs name by its capital of two words THEN it is named as written", () => {
    const actors = actorsOf({ paragraphs: ["Pemerintah di Kuala Lumpur menolak tuduhan itu."] });
    expect(actors.map((a) => [a.id, a.name.id])).toEqual([["malaysia", "Kuala Lumpur"]]);
  });

  it("GIVEN a country written with a diacritic the data does not use (Türkiye) THEN the actor takes the data's Indonesian name", () => {
    const actors = actorsOf({ paragraphs: ["Pemerintah Türkiye menawarkan diri menjadi penengah."] });
    expect(actors.map((a) => [a.id, a.name.id])).toEqual([["turkiye", "Turki"]]);
  });

  it("GIVEN opening paragraphs quoting a minister whose country only a later part names THEN the data's Indonesian name", () => {
    const actors = actorsOf(
      { paragraphs: ["“Kami tidak akan tunduk,” kata Zeine."] },
      { heading: "PBB", paragraphs: ["Perdana Menteri Niamey Ali Lamine Zeine bertemu utusan PBB."] },
    );
    expect(actors.map((a) => [a.id, a.name.id])).toEqual([["niger", "Niger"], ["un", "PBB"]]);
  });

  it("GIVEN a part with a quotation no one is named for THEN the actor has no quote", () => {
    const [russia] = actorsOf({ heading: "Rusia", paragraphs: ["Warga Moskwa menyebut sanksi itu “tidak adil dan sama sekali tidak berguna”."] });
    expect(russia!.quotes).toEqual([]);
  });

  it("GIVEN a ministry quoted THEN the ministry is an Indonesian alias and no English one", () => {
    const [russia] = actorsOf({ heading: "Rusia", paragraphs: ["“Kami mendesak gencatan senjata,” kata Kementerian Luar Negeri Rusia dalam sebuah pernyataan."] });
    expect(russia!.aliases.id).toContain("Kementerian Luar Negeri Rusia");
    expect(russia!.aliases.en).not.toContain("Kementerian Luar Negeri Rusia");
  });

  it("GIVEN a person of three names quoted THEN the full and the last name are aliases in both languages", () => {
    const [indonesia] = actorsOf({ heading: "Indonesia", paragraphs: ["“Kami memantau situasi,” kata juru bicara Kemlu Lalu Muhammad Iqbal."] });
    expect(indonesia!.aliases.id).toEqual(expect.arrayContaining(["Lalu Muhammad Iqbal", "Iqbal"]));
    expect(indonesia!.aliases.en).toEqual(expect.arrayContaining(["Lalu Muhammad Iqbal", "Iqbal"]));
  });

  it("GIVEN a person quoted with a title naming a council THEN still a person: their last name is an alias", () => {
    const [eu] = actorsOf({ heading: "Uni Eropa", paragraphs: ["“Kami mendukung penuh Armenia,” kata Presiden Dewan Eropa Charles Michel."] });
    expect(eu!.aliases.en).toContain("Michel");
  });

  it("GIVEN a person named with title and double spaces THEN the quote's speaker and role read with single spaces", () => {
    const [france] = actorsOf({
      heading: "Perancis",
      paragraphs: ["Menteri  Luar Negeri Perancis  Catherine  Colonna mengecam operasi itu.", "“Kami  mengecam  keras operasi militer itu,”  kata  Catherine  Colonna."],
    });
    expect(france!.quotes[0]).toMatchObject({ speaker: "Catherine Colonna", role: "Menteri Luar Negeri Perancis" });
  });

  it("GIVEN a namesake named after the quote in the same part THEN the speaker is the one named before it", () => {
    const [japan] = actorsOf({
      heading: "Jepang",
      paragraphs: [
        "Menteri Luar Negeri Jepang Hiroshi Tanabe menjanjikan bantuan.",
        "“Kami siap membantu,” ujar Tanabe.",
        "Kepala Badan Penanggulangan Bencana Jepang Kenji Tanabe meninjau lokasi.",
      ],
    });
    expect(japan!.quotes[0]!.speaker).toBe("Hiroshi Tanabe");
  });

  it("GIVEN the speaker introduced in the quote's own paragraph and a namesake earlier in the article THEN the one in the quote's paragraph", () => {
    const [, japan] = actorsOf(
      { heading: "PBB", paragraphs: ["Kepala Badan Penanggulangan Bencana Jepang Kenji Tanabe bertemu pejabat PBB."] },
      { heading: "Jepang", paragraphs: ["Menteri Luar Negeri Jepang Hiroshi Tanabe tiba di Jakarta. “Kami siap membantu,” ujar Tanabe."] },
    );
    expect(japan!.quotes[0]!.speaker).toBe("Hiroshi Tanabe");
  });
});
