import { describe, expect, it } from "vitest";
import { renderPlainText } from "../src/core/plainText.js";
import { isQuestion } from "../src/understand/factDetail.js";
import { factCue } from "../src/understand/facts.js";
import { tokenize } from "../src/understand/normalize.js";
import { article, testKabar } from "./helpers/core.js";

/**
 * The classes the held-out fact set 9 showed, each fixed at its root and
 * specified here in other words than the set's: a reader's idiom for the
 * article's plain word, a casual or near-synonym verb of judging, a word of
 * eagerness, a yes-or-no question with its verb between the modal and the
 * negation, a purpose asked ("untuk apa?"), "what else", a lower-case acronym
 * after "the", a plan of the story asked without naming any of its parties, and
 * a plan dated ahead ("next month", "minggu depan") asked with a word the
 * article never uses.
 */
const ask = async (q: string, lang: "id" | "en" = "id") => (await testKabar().answer(q, { fallbackLang: lang })).reply;
const opening = async (q: string, lang: "id" | "en" = "id") => renderPlainText(await ask(q, lang)).slice(0, 300);

describe("a reader's idiom reads as the article's plain word", () => {
  it("GIVEN 'turning a blind eye', 'on bad terms', 'menutup mata', 'nama baik' THEN the tokens carry the plain word", () => {
    expect(tokenize("they keep turning a blind eye to it")).toEqual(["they", "keep", "ignoring", "to", "it"]);
    expect(tokenize("on bad terms")).toEqual(["on", "bad", "relations"]);
    expect(tokenize("menutup mata terhadap")).toEqual(["mengabaikan", "terhadap"]);
    expect(tokenize("nama baik rusia")).toEqual(["reputasi", "rusia"]);
  });

  it.each([
    ["did armenia accuse the peacekeepers of turning a blind eye to anything?", "en", /ignoring sporadic small clashes/],
    ["armenia bilang pasukan rusia menutup mata terhadap apa?", "id", /mengabaikan bentrokan kecil sporadis/],
    ["is russia on bad terms with armenia these days?", "en", /relations have deteriorated/],
  ] as const)("GIVEN %j THEN the sentence with the article's own word leads", async (q, lang, fact) => {
    expect(await opening(q, lang)).toMatch(fact);
  });

  it.each(["armenia sama rusia masih akur?", "armenia sama rusia masih baikan gak?"])(
    "GIVEN %j ('akur', 'baikan': getting along) THEN the sentence on the relations leads",
    async (q) => {
      expect(await opening(q)).toMatch(/hubungan mereka semakin memburuk/);
    },
  );

  it("GIVEN 'do they still get along?' THEN 'get along' reads as relations and the sentence on them leads", async () => {
    expect(tokenize("do they still get along")).toEqual(["do", "they", "still", "relations"]);
    expect(await opening("do armenia and russia still get along?", "en")).toMatch(/relations have deteriorated/);
  });
});

describe("words of judging, achievement, alliance and eagerness, casual or near-synonym", () => {
  it.each([
    ["keterlibatan rusia dulu dianggep apa?", "id", /dipandang sebagai pencapaian signifikan/],
    ["how is russia's involvement in the 2020 war viewed?", "en", /seen as a significant achievement/],
    ["is moscow enthusiastic about joining the fighting?", "en", /unenthusiastic about getting involved/],
    ["rusia antusias gak terlibat di perang ini?", "id", /tidak bersemangat untuk terlibat/],
    ["prestasi rusia di perang 2020 dinilai gimana?", "id", /dipandang sebagai pencapaian signifikan/],
    ["are russia and armenia still friends?", "en", /long-standing ally of Moscow/],
    ["is russia reluctant to act?", "en", /unenthusiastic about getting involved/],
    ["rusia ogah ikut campur?", "id", /tidak bersemangat untuk terlibat/],
  ] as const)("GIVEN %j THEN the sentence holding the judgement leads", async (q, lang, fact) => {
    expect(await opening(q, lang)).toMatch(fact);
  });
});

describe("Indonesian yes-or-no with the verb between the modal and its negation", () => {
  it("GIVEN 'mau terlibat ... gak' THEN a question; 'tidak mau terlibat' states", () => {
    expect(isQuestion(tokenize("rusia mau terlibat gak di situ"), "")).toBe(true);
    expect(isQuestion(tokenize("rusia tidak mau terlibat di situ"), "")).toBe(false);
  });

  it("GIVEN 'moskow mau terlibat nggak dalam konflik baru ini' THEN the reluctance sentence leads", async () => {
    expect((await ask("moskow mau terlibat nggak dalam konflik baru ini")).blocks[0]).toMatch(/tidak bersemangat/);
  });
});

describe("a purpose asked ('untuk apa?', 'buat ngapain?')", () => {
  it("GIVEN 'untuk apa' THEN the cue is a reason, not a deed", () => {
    expect(factCue(tokenize("rusia harus tegas untuk apa"))).toBe("reason");
    expect(factCue(tokenize("harus tegas buat ngapain"))).toBe("reason");
  });

  it("GIVEN 'rusia harus bertindak lebih tegas untuk apa?' THEN the sentence with its purpose leads", async () => {
    expect(await opening("rusia harus bertindak lebih tegas untuk apa?")).toMatch(/untuk membuka jalan/);
  });
});

describe("'what else' asks for another item: the word itself is never the thing asked", () => {
  it("GIVEN 'what else did armenia say the peacekeepers overlooked?' THEN the sentence naming what Armenia says they ignored, not 'no reaction from Armenia'", async () => {
    const reply = await ask("what else did armenia say the peacekeepers overlooked?", "en");
    expect(reply.kind).toBe("background");
    expect(reply.blocks[0]).toMatch(/ignoring sporadic small clashes/);
  });
});

describe("a lower-case acronym after 'the' is a name", () => {
  it.each([
    ["what did the uk say?", /no reaction from the United Kingdom/],
    ["how did the us react", /no reaction from the United States/],
    ["what's the state department's position?", /no reaction from the United States/],
  ])("GIVEN %j THEN the article has no reaction from it, said plainly", async (q, plain) => {
    const reply = await ask(q, "en");
    expect(reply.kind).toBe("not_found");
    expect(renderPlainText(reply)).toMatch(plain);
  });

  it("GIVEN 'tell us about france' (the pronoun) THEN France's reaction", async () => {
    expect((await ask("tell us about france's reaction", "en")).actor).toBe("france");
  });
});

describe("a plan of the story asked without naming its parties", () => {
  it.each([
    ["is a summit scheduled for next month?", "en"],
    ["apakah ada perundingan damai bulan depan?", "id"],
  ] as const)("GIVEN %j THEN the article does not hold it, said plainly", async (q, lang) => {
    const reply = await ask(q, lang);
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toMatch(/does not hold that|tidak memuat hal itu/);
  });

  it.each([
    ["will the peacekeepers go home next month?", "en"],
    ["rusia bakal mundur minggu depan gak?", "id"],
  ] as const)("GIVEN %j (a plan dated ahead, with a word the article never uses) THEN the article does not hold it", async (q, lang) => {
    const reply = await ask(q, lang);
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toMatch(/does not hold that|tidak memuat hal itu/);
  });

  it("GIVEN 'when will the next ceasefire be announced?' THEN not the 2020 ceasefire's sentence: the article does not hold it", async () => {
    const reply = await ask("when will the next ceasefire be announced?", "en");
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toMatch(/does not hold that/);
  });

  it("GIVEN a dated plan in the article's own words ('will russia lose its credit next year?') THEN its sentence, not 'not in the article'", async () => {
    expect((await ask("will russia lose its credit next year?", "en")).blocks[0]).toMatch(/credit it earned could be lost/);
  });

  it("GIVEN an off-topic plan ('is there a football match next week?') THEN still off-topic", async () => {
    expect((await ask("is there a football match next week?", "en")).kind).toBe("unknown");
  });
});
