import { describe, expect, it } from "vitest";
import { placeDeed } from "../src/understand/placeDeeds.js";
import { LEX, score } from "../src/understand/scores.js";
import { article, testKabar } from "./helpers/core.js";

/**
 * A place of the setting made no statement, but the article tells what it
 * does or is held to: a sentence naming the place and holding every other
 * word of the question answers, instead of "no reaction from Armenia".
 */
const ask = async (q: string, lang: "id" | "en" = "en") => (await testKabar().answer(q, { fallbackLang: lang })).reply;

describe("what a place of the setting does, told by the article", () => {
  it("GIVEN 'what is Azerbaijan responsible for?' THEN the sentence holding Azerbaijan responsible leads, under France's reaction", async () => {
    const reply = await ask("what is Azerbaijan responsible for?");
    expect([reply.kind, reply.actor]).toEqual(["reaction", "france"]);
    expect(reply.blocks[0]).toMatch(/We hold Azerbaijan responsible for the fate/);
  });

  it("GIVEN 'who did armenia criticise?' THEN Armenia's criticism of the peacekeepers leads the background", async () => {
    const reply = await ask("who did armenia criticise?");
    expect(reply.kind).toBe("background");
    expect(reply.blocks[0]).toMatch(/Armenia has repeatedly criticised Russia's peacekeeping forces/);
  });

  it.each(["what did armenia say?", "how did armenia react?", "what did armenia's prime minister say?", "azerbaijan sendiri bilang apa?"])(
    "GIVEN %j (no word a sentence about the place holds) THEN still no reaction from it",
    async (q) => {
      const reply = await ask(q);
      expect(reply.kind).toBe("not_found");
      expect(reply.actorText).toMatch(/armenia|azerbaijan/);
    },
  );

  it("GIVEN a place outside the story's setting THEN no sentence is looked for", () => {
    expect(placeDeed(article, ["turkey", "criticise"], "turkey")).toBeUndefined();
  });
});

describe("a reaction word is not read inside another word", () => {
  it("GIVEN 'responsible' THEN no word of reacting; 'respons', 'merespons', 'response' still are", () => {
    const weight = (w: string) => score(LEX.reaction, [w], ` ${w} `);
    expect([weight("responsible"), weight("responsibility"), weight("respons"), weight("merespons"), weight("response")]).toEqual([0, 0, 3, 3, 3]);
  });
});
