import { describe, expect, it } from "vitest";
import { understand } from "../src/understand/intent.js";
import { article, testKabar } from "./helpers/core.js";

/**
 * Classes of question found by the blind set 11, specified in other words than the set's
 * questions: "any of them", "everyone", a country's government, and the exact stance.
 */
const kabar = testKabar();

describe("asking for any one of several", () => {
  it.each(["kasih satu kutipan aja, mana saja boleh", "a quote please, whichever one", "show me a quote, any of them will do"])(
    "GIVEN %j THEN it asks for a quote, not the list of actors",
    async (question) => {
      const { reply } = await kabar.answer(question);
      expect(reply.kind).toBe("quote");
    },
  );

  it("GIVEN 'siapa saja' without 'boleh' THEN it still asks who reacted", () => {
    expect(understand("siapa saja yang bereaksi?", article).intent).toBe("actors");
  });
});

describe("asking whether everyone reacted alike", () => {
  it.each(["apakah semua pihak mengecam Armenia?", "did everybody blame Azerbaijan?", "have all sides condemned Armenia?"])(
    "GIVEN %j naming a place of the story's setting THEN it asks about all the actors",
    async (question) => {
      const { reply } = await kabar.answer(question);
      expect(reply.kind).toBe("actors");
    },
  );

  it("GIVEN the setting's own reaction asked without 'everyone' THEN it is still that place's reaction", () => {
    expect(understand("what did Azerbaijan say?", article).call).toMatchObject({ command: "reaction", args: { actor: "azerbaijan" } });
  });
});

describe("a country's government", () => {
  it.each([
    ["apa tanggapan pemerintah Jepang?", "jepang", /Jepang/],
    ["what is the government of Japan's view?", "japan", /no reaction from Japan/],
    ["how did the German government react?", "german", /no reaction from German/],
  ])("GIVEN %j THEN the country itself is the name not found", async (question, name, said) => {
    const { reply } = await kabar.answer(question);
    expect(reply.kind).toBe("not_found");
    expect(reply.actorText).toBe(name);
    expect(reply.blocks.join(" ")).toMatch(said);
    expect(reply.blocks.join(" ")).not.toMatch(/pemerintah|government/i);
  });
});

describe("asking exactly what someone's stance is", () => {
  it.each(["Rusia persisnya sikapnya apa?", "what exactly is the UN's position?"])(
    "GIVEN %j THEN it asks for the reaction",
    (question) => {
      expect(understand(question, article).intent).toBe("reaction");
    },
  );

  it.each(["teks lengkap pernyataan Rusia soal sikapnya", "the exact words of the UN's position", "what exactly did Russia say?"])(
    "GIVEN %j THEN the wording is asked: a quote",
    (question) => {
      expect(understand(question, article).intent).toBe("quote");
    },
  );
});
