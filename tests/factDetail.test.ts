import { describe, expect, it } from "vitest";
import { renderPlainText } from "../src/core/plainText.js";
import { findDetail, isQuestion, partsAbout } from "../src/understand/factDetail.js";
import { wordForms } from "../src/understand/factIndex.js";
import { understand } from "../src/understand/intent.js";
import { tokenizeCounting } from "../src/understand/normalize.js";
import { article, testKabar } from "./helpers/core.js";

/**
 * A question with no fact cue (or whose cue finds nothing), read as an actor's
 * reaction or a background section, whose own distinctive words stand deep in
 * that part (or in another part about the same actor): the sentence leads the
 * answer, then the part it was read as, then the source. Words that only name
 * the part (actors, setting, titles) point at no sentence, so a generic
 * question keeps its answer.
 */
const ask = async (q: string, lang: "id" | "en" = "id") => (await testKabar().answer(q, { fallbackLang: lang })).reply;
const FACT_INTRO = /^(The article says|Menurut artikel)/;
/** The line of original.txt holding a phrase (each of these is one sentence). */
const lineWith = (phrase: string) => article.original.split("\n").find((line) => line.includes(phrase))!;

describe("a question's detail deep inside the part it was read as leads the answer", () => {
  it("GIVEN 'what does armenia host for russia' THEN our rendering of the military-base sentence, then Russia's role, then the source", async () => {
    const reply = await ask("what does armenia host for russia", "en");
    expect(reply.kind).toBe("background");
    expect(reply.blocks[0]).toMatch(/^The article says \(our translation\): “Although Armenia .* hosting a Russian military base/);
    expect(renderPlainText(reply)).toMatch(/What is Russia's role\?/);
    expect(reply.source).toMatch(/^Source: Tribunnews\.com/);
  });

  it("GIVEN 'gmn hubungan armenia ama rusia setahun belakangan' THEN the sentence on the worsening relations, verbatim", async () => {
    // "setahun" stands in two sentences; "hubungan", a keyword of the section, only breaks the tie.
    const sentence = lineWith("pangkalan militer");
    expect((await ask("gmn hubungan armenia ama rusia setahun belakangan")).blocks[0]).toBe(`Menurut artikel: “${sentence}”`);
  });

  it("GIVEN 'What kind of assistance were Russia's peacekeepers giving?' THEN the medical-aid sentence of Russia's reaction leads, under the section it was read as", async () => {
    const reply = await ask("What kind of assistance were Russia's peacekeepers giving?", "en");
    expect(reply.kind).toBe("background");
    expect(reply.blocks[0]).toMatch(/^The article says \(our translation\): “Moscow said .* providing medical aid/);
  });

  it("GIVEN 'selain ngungsiin warga, pasukan rusia ngasih bantuan apa' THEN the medical-aid sentence of Russia's reaction leads, under the section it was read as", async () => {
    const reply = await ask("selain ngungsiin warga, pasukan rusia ngasih bantuan apa");
    expect(reply.kind).toBe("background");
    expect(reply.blocks[0]).toBe(`Menurut artikel: “${lineWith("bantuan medis")}”`);
  });

  it("GIVEN 'What area of law did the Secretary-General's statement refer to?' THEN the UN's reaction opens at the clause on humanitarian law", async () => {
    const reply = await ask("What area of law did the Secretary-General's statement refer to?", "en");
    expect(reply.actor).toBe("un");
    expect(renderPlainText(reply).slice(0, 300)).toMatch(/humanitarian law/);
  });

  it("GIVEN 'is russia eager to get dragged into this new conflict' (an opening 'is', no mark) THEN the unenthusiastic sentence leads", async () => {
    expect((await ask("is russia eager to get dragged into this new conflict", "en")).blocks[0]).toMatch(/unenthusiastic about getting involved/);
  });

  it("GIVEN 'rusia mau gak sih ikut campur di konflik yg baru ini' (asked by 'mau gak', no mark) THEN the sentence on the new conflict, verbatim", async () => {
    expect((await ask("rusia mau gak sih ikut campur di konflik yg baru ini")).blocks[0]).toBe(`Menurut artikel: “${lineWith("tidak bersemangat")}”`);
  });
});

describe("a past form no suffix rule reduces matches its verb", () => {
  it("GIVEN 'lost' and 'held' THEN their forms hold 'lose' and 'hold'", () => {
    expect(wordForms("lost")).toContain("lose");
    expect(wordForms("held")).toContain("hold");
  });

  it("GIVEN 'Could Russia lose its influence?' THEN the sentence on the credit that could be lost leads", async () => {
    expect((await ask("Could Russia lose its influence?", "en")).blocks[0]).toMatch(/^The article says \(our translation\): “The credit it earned could be lost/);
  });
});

describe("a question naming no detail keeps today's answer", () => {
  it.each([
    ["what's russia's role?", "en"],
    ["apa peran rusia?", "id"],
    ["apa kata Prancis?", "id"],
    ["what did russia say?", "en"],
    // The article's title names the operation: the story itself, not one of France's sentences.
    ["what did france say about the operation?", "en"],
    // The UN's part opens with the fighting already: leading with that sentence would only repeat it.
    ["what did the UN say about the fighting?", "en"],
    // "serangan" and "perangnya" share only the short base "rang": no sentence is pointed at.
    ["gimana stance rusia soal serangan azerbaijan", "id"],
    // The section's own title named: the section as a whole is asked, whatever else the question names.
    ["What role does Russia play in the Karabakh conflict?", "en"],
    ["Sebenarnya peran Rusia di konflik Nagorno-Karabakh itu apa?", "id"],
  ] as const)("GIVEN %j THEN no sentence leads the answer", async (q, lang) => {
    expect(understand(q, article, lang).call.args.fact).toBeUndefined();
    expect((await ask(q, lang)).blocks[0]).not.toMatch(FACT_INTRO);
  });

  it("GIVEN a statement, not a question ('armenia hosts a russian base') THEN no sentence is looked for", () => {
    expect(understand("armenia hosts a russian military base", article, "en").call.args.fact).toBeUndefined();
  });

  it("GIVEN a question read as the summary ('apa ringkasan artikel ini?') THEN the summary, with no sentence before it", () => {
    const u = understand("apa ringkasan artikel ini?", article, "id");
    expect(u.intent).toBe("summary");
    expect(u.call.args.fact).toBeUndefined();
  });
});

describe("what counts as a question and which parts are searched", () => {
  const tokens = (text: string) => tokenizeCounting(text).tokens;

  it.each(["gmn hubungan rusia", "whats up with russia", "does russia care", "rusia gimana", "russia role?", "rusia mau gak ikut campur", "prancis setuju ga"])("GIVEN %j THEN it is a question", (text) => {
    expect(isQuestion(tokens(text), text)).toBe(true);
  });

  it.each(["russia is weak", "rusia lemah", "armenia hosts a base", "rusia tidak ikut campur di konflik baru"])("GIVEN %j THEN it is no question", (text) => {
    expect(isQuestion(tokens(text), text)).toBe(false);
  });

  it("GIVEN Russia's role THEN the section, Russia's reaction and no other actor's part are searched", () => {
    expect(partsAbout(article, { kind: "section", id: "russia-role" })).toEqual([
      { kind: "section", id: "russia-role" },
      { kind: "actor", id: "russia" },
    ]);
  });

  it("GIVEN words the article never uses, nor any near-synonym of its words ('gudang') THEN no sentence is found", () => {
    const found = findDetail(article, ["gudang", "rusia", "armenia"], partsAbout(article, { kind: "section", id: "russia-role" }));
    expect(found.found).toBe(false);
  });
});
