import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { understand } from "../src/understand/intent.js";
import { detectLang } from "../src/understand/language.js";
import { tokenize } from "../src/understand/normalize.js";
import { editDistance } from "../src/understand/fuzzy.js";
import { resolveActorName } from "../src/understand/entities.js";
import { article, type EvalQuestion, readQuestions } from "./helpers/core.js";
import { compareMisses, FIXTURES, formatMisses, type Misses, missesFile, questionSets, readMisses, reportFixed } from "./helpers/questionSets.js";

/** Whether the bot's reading of a question matches the expected kind, actor, topic and name. */
function matches(q: EvalQuestion): boolean {
  const u = understand(q.q, article);
  if (u.intent !== q.kind) return false;
  const actorArg = u.call.args.actor;
  if (q.kind === "not_found") return actorArg === q.actor_text;
  if (q.kind === "reaction" || q.kind === "quote") return actorArg === q.actor;
  if (q.kind === "background") return u.call.args.topic === q.topic;
  return true;
}

/** The questions of one set the bot gets wrong: kind (with actor, topic, name) and reply language. */
function missesOf(file: string): Misses {
  const questions = readQuestions(file);
  return {
    kind: questions.filter((q) => !matches(q)).map((q) => q.q),
    lang: questions.filter((q) => understand(q.q, article).lang !== q.lang).map((q) => q.q),
  };
}

describe.each(questionSets())("the question set tests/fixtures/%s", (set) => {
  const current = missesOf(set);
  if (process.env.UPDATE_MISSES === "1") writeFileSync(FIXTURES + missesFile(set), formatMisses(current));
  const recorded = readMisses(set);
  const kind = compareMisses(current.kind, recorded?.kind ?? []);
  const lang = compareMisses(current.lang, recorded?.lang ?? []);

  it(`GIVEN the set THEN its misses are recorded beside it (${missesFile(set)})`, () => {
    expect(recorded, `create tests/fixtures/${missesFile(set)} with:\n${formatMisses(current)}`).toBeDefined();
  });

  it("GIVEN the set THEN no question's kind, actor or topic is missed that was not missed before", () => {
    expect(kind.added, `new misses in ${set} (regressions)`).toEqual([]);
  });

  it("GIVEN the set THEN no question's reply language is missed that was not missed before", () => {
    expect(lang.added, `new language misses in ${set} (regressions)`).toEqual([]);
  });

  afterAll(() => {
    if (recorded) reportFixed(set, current, { added: [], fixed: [...kind.fixed, ...lang.fixed] });
  });
});

describe("normalising chat text", () => {
  it.each([
    ["Gmn reaksi PBB yg terbaru dong??", ["bagaimana", "reaksi", "pbb", "yang", "terbaru"]],
    ["Russia's role 🇷🇺🔥", ["russia", "role"]],
    ["Prancis nggak bilang apa2 sih", ["prancis", "tidak", "kata", "apa"]],
    ["What's the gist?!", ["what", "is", "the", "gist"]],
    ["Pérancis", ["perancis"]],
  ])("GIVEN %j THEN the tokens are %j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe("reply language", () => {
  it.each([
    ["apa kata Prancis?", "id"],
    ["what did France say?", "en"],
    ["aku lagi buru-buru, bisa kasih the short version aja?", "id"],
    ["can you kasih summary please", "en"],
  ] as const)("GIVEN %j THEN the language is %s", (text, lang) => {
    expect(detectLang(tokenize(text))).toBe(lang);
  });

  it.each([
    ["France??", "en"],
    ["Prancis??", "id"],
    ["Spain?", "en"],
    ["Spanyol?", "id"],
  ] as const)("GIVEN only a name, %j THEN the name's language decides: %s", (text, lang) => {
    expect(understand(text, article, lang === "id" ? "en" : "id").lang).toBe(lang);
  });

  it("GIVEN a message with no language cue THEN the platform's language decides", () => {
    expect(understand("Guterres?", article, "en").lang).toBe("en");
    expect(understand("Guterres?", article, "id").lang).toBe("id");
  });
});

describe("actor names", () => {
  it.each([
    ["Prancs", "france"],
    ["Rusai", "russia"],
    ["Guteres", "un"],
    ["perancis", "france"],
    ["Perserikatan Bangsa-Bangsa", "un"],
    ["Moskow", "russia"],
    ["the French", "france"],
  ])("GIVEN the name %j THEN the actor is %s", (name, actor) => {
    expect(resolveActorName(article, name)).toBe(actor);
  });

  it.each(["Turki", "garis", "Jerman", ""])("GIVEN %j THEN no actor matches", (name) => {
    expect(resolveActorName(article, name)).toBeUndefined();
  });

  it("GIVEN a transposed pair of letters THEN it costs one edit", () => {
    expect(editDistance("rusai", "rusia")).toBe(1);
    expect(editDistance("prancs", "prancis")).toBe(1);
  });
});

describe("countries and organisations the article does not cover", () => {
  it.each([
    ["apa kata Amerika Serikat?", "amerika serikat"],
    ["What did the U.S. say?", "us"],
    ["tanggapan Turki gmn", "turki"],
    ["did NATO react?", "nato"],
    ["Berlin bilang apa?", "berlin"],
  ])("GIVEN %j THEN it is not_found for %j", (q, name) => {
    const u = understand(q, article);
    expect(u.intent).toBe("not_found");
    expect(u.call.args.actor).toBe(name);
  });

  it("GIVEN the pronoun 'us' in lower case THEN it is not the United States", () => {
    expect(understand("tell us what France said", article).call.args.actor).toBe("france");
    expect(understand("can you help us?", article).intent).toBe("help");
  });

  it("GIVEN a capital that is also a word THEN only the capitalised spelling is the place", () => {
    expect(understand("how did Baku justify the operation?", article).call.args.actor).toBe("baku");
    expect(understand("apa bahasa baku untuk ringkasan?", article).intent).not.toBe("not_found");
  });

  it("GIVEN 'bahasa Inggris' THEN it is the language, not Britain", () => {
    expect(understand("ringkas dalam bahasa Inggris", article).intent).toBe("summary");
  });

  it("GIVEN Armenia mentioned as the setting of a question THEN the covered actor decides", () => {
    const u = understand("Prancis menyalahkan siapa atas nasib warga Armenia?", article);
    expect(u.call).toMatchObject({ command: "reaction", args: { actor: "france" } });
  });
});

describe("questions that echo the article's words without naming anyone", () => {
  it.each([
    ["Who called the operation illegal?", "france"],
    ["siapa yang menyerukan deeskalasi?", "un"],
    ["who urged an end to the bloodshed?", "russia"],
  ])("GIVEN %j THEN it is the reaction of the actor whose words it echoes: %s", (q, actor) => {
    expect(understand(q, article).call).toMatchObject({ command: "reaction", args: { actor } });
  });

  it("GIVEN a question echoing the background's words THEN the background", () => {
    expect(understand("What skirmishes along the border were ignored?", article).call).toMatchObject({
      command: "background",
      args: { topic: "russia-role" },
    });
  });

  it("GIVEN a foreign country asked with the article's words THEN still not_found", () => {
    expect(understand("Did Turkey call the operation illegal?", article).call.args.actor).toBe("turkey");
  });
});

describe("lexicon entries", () => {
  it.each([
    ["Could you say what this story covers?", "summary"],
    ["Kapan peristiwa ini terjadi?", "source"],
    ["When did this happen?", "source"],
    ["Are there related articles?", "source"],
  ])("GIVEN %j THEN %s (phrases, stems and phrase stems all match)", (q, intent) => {
    expect(understand(q, article).intent).toBe(intent);
  });
});

describe("the article's own words are weaker than cue words", () => {
  it("GIVEN one article word ('terbaru') in an off-topic question THEN unknown, not background", () => {
    expect(understand("Berapa harga iPhone terbaru?", article).intent).toBe("unknown");
  });

  it("GIVEN one article word and 'who' THEN the actor whose words they are", () => {
    expect(understand("pasukan siapa yang memberikan bantuan medis?", article).call.args.actor).toBe("russia");
  });
});

describe("several names in one question", () => {
  it("GIVEN two covered actors THEN every reaction side by side (actors)", () => {
    expect(understand("compare the reactions of France and Russia", article).intent).toBe("actors");
  });

  it("GIVEN a reaction asked of a place named before the actor THEN not_found for that place", () => {
    expect(understand("How did Azerbaijan respond to France?", article).call.args.actor).toBe("azerbaijan");
  });

  it("GIVEN 'terima kasih' THEN thanks (help), not 'receive give'", () => {
    expect(understand("Terima kasih banyak bot!", article).intent).toBe("help");
  });
});

describe("typos", () => {
  it.each([
    ["ringksan dong", "summary"],
    ["qoute from france", "quote"],
    ["backgroud please", "background"],
    ["sumbr berita", "source"],
  ])("GIVEN the cue word misspelt in %j THEN still %s", (q, intent) => {
    expect(understand(q, article).intent).toBe(intent);
  });

  it("GIVEN a misspelt country in a reaction question THEN not_found for the name as typed", () => {
    expect(understand("Germny reaction?", article).call.args.actor).toBe("germny");
  });

  it("GIVEN an everyday word one letter from a place, and no reaction question THEN no place", () => {
    expect(understand("lagi pengen makan bakso nih", article).intent).toBe("unknown");
  });

  it("GIVEN a name with an enclitic (Kremlinnya) THEN the actor", () => {
    expect(understand("Kremlinnya bilang apa", article).call.args.actor).toBe("russia");
  });
});

describe("names in messages that are not about the news", () => {
  it.each([
    "rekomendasi resto makanan Prancis yg enak di Jakarta dong",
    "best time to visit Russia as a tourist?",
    "how do i cook azerbaijani plov",
    "write me a poem about cats",
  ])("GIVEN %j THEN unknown", (q) => {
    expect(understand(q, article).intent).toBe("unknown");
  });

  it("GIVEN a leader of a country the article does not cover THEN not_found for that name", () => {
    expect(understand("What did Joe Biden say about it?", article).call.args.actor).toBe("joe biden");
  });

  it("GIVEN a word of a place name ('White House') THEN it is never mended into a cue word", () => {
    expect(understand("What did the White House say?", article).call.args.actor).toBe("white house");
  });
});
