import { describe, expect, it } from "vitest";
import { ContentLibrary } from "../src/content/loader.js";
import { articlesFor } from "../src/understand/articleChoice.js";
import { kabarOver, threeArticleLibrary } from "./helpers/library.js";
import { FUKUSHIMA, RICE } from "./helpers/mainProcess.js";

/**
 * Free text over several articles (the seed, 2023-09-20; rice exports, newer;
 * Fukushima water, older): the question goes to the article it is about.
 */
const SEED = "2023-09-20-karabakh-reactions";
const three = threeArticleLibrary();
const kabar = kabarOver(three);

describe("free text picks the article a question is about", () => {
  it.each([
    ["apa kata Prancis?", "reaction", "france", SEED],
    ["What did France say?", "reaction", "france", SEED],
    ["kutip dong omongan Colonna", "quote", "france", SEED],
    ["apa kata Prancs?", "reaction", "france", SEED],
    ["apa kata Tiongkok?", "reaction", "china", FUKUSHIMA],
    ["what did the IAEA say?", "reaction", "iaea", FUKUSHIMA],
    ["gmn reaksi Korea Selatan?", "reaction", "south-korea", FUKUSHIMA],
    ["apa kata India?", "reaction", "india", RICE],
    ["Marcos ngomong apa?", "reaction", "philippines", RICE],
  ])("GIVEN %j THEN %s of %s from %s", async (question, kind, actor, articleId) => {
    const { reply } = await kabar.answer(question);
    expect({ kind: reply.kind, actor: reply.actor, article: reply.articleId }).toEqual({ kind, actor, article: articleId });
  });

  it("GIVEN 'apa kata Prancis?' THEN Colonna's words verbatim and the seed's source, though two other articles arrived", async () => {
    const { reply, call } = await kabar.answer("apa kata Prancis?");
    expect(reply.quotes[0]!.text).toBe("Kami menganggap Azerbaijan bertanggung jawab atas nasib warga Armenia di Nagorno-Karabakh");
    expect(reply.source).toContain("Andari Wulan Nugrahani");
    expect(call!.args.article).toBe(SEED);
  });

  it("GIVEN a question that echoes an older article's words and names no one THEN that article answers", async () => {
    const { reply } = await kabar.answer("siapa yang bilang operasi itu ilegal?");
    expect({ article: reply.articleId, actor: reply.actor }).toEqual({ article: SEED, actor: "france" });
  });

  it("GIVEN a question that names nothing any article has THEN the newest article answers, and the call names none", async () => {
    const { reply, call } = await kabar.answer("ringkasan dong");
    expect({ kind: reply.kind, article: reply.articleId }).toEqual({ kind: "summary", article: RICE });
    expect(call!.args.article).toBeUndefined();
  });

  it("GIVEN a country no article has a reaction from THEN the newest article says so and lists its own actors", async () => {
    const { reply } = await kabar.answer("apa kata Jerman?");
    expect(reply.kind).toBe("not_found");
    expect(reply.articleId).toBe(RICE);
  });

  it("GIVEN two articles that both answer THEN the newest answers and the reply says which article it is from", async () => {
    const rice = three.get(RICE)!;
    const again = { ...rice, id: "2023-11-20-rice-again", eventsDate: "2023-11-20", title: { id: "India lagi", en: "India again" } };
    const { reply } = await kabarOver(new ContentLibrary([...three.articles, again])).answer("apa kata India?");
    expect(reply.articleId).toBe(again.id);
    expect(reply.blocks[0]).toBe('Dari artikel "India lagi" (20 November 2023). Artikel lain juga membahasnya: lihat /articles.');
  });

  it("GIVEN one article only THEN no candidate list is built and nothing is added to the reply", async () => {
    const seedOnly = new ContentLibrary([three.get(SEED)!]);
    expect(articlesFor(seedOnly, "apa kata Prancis?")).toEqual([]);
    expect((await kabarOver(seedOnly).answer("apa kata Prancis?")).reply.blocks[0]).not.toMatch(/^Dari artikel/);
  });
});
