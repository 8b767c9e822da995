import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleQuestions } from "../src/content/examples.js";
import { ConsolePlatform } from "../src/platforms/console/consoleChat.js";
import { article as seed } from "./helpers/core.js";
import { kabarOver, threeArticleLibrary } from "./helpers/library.js";
import { startKabarOnPeer, type KabarOnPeer } from "./peers/telegramKabar.js";
import { startTelegramPeer, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * Help, /start, the console greeting and the empty-message hint name the
 * newest article's actors, speakers and sections, not the seed's.
 */
const library = threeArticleLibrary();
const kabar = kabarOver(library);

describe("example questions from the content", () => {
  it("GIVEN the seed THEN the examples it always had", () => {
    expect(exampleQuestions(seed, "id")).toEqual(["apa kata Prancis?", "gmn reaksi PBB?", "apa peran Rusia?", "kutip dong omongan Colonna"]);
    expect(exampleQuestions(seed, "en")).toEqual(["what did France say?", "how did the UN react?", "what is Russia's role?", "give me a quote from Colonna"]);
  });

  it("GIVEN a newer article THEN /help shows its examples, none of the seed's", async () => {
    const { reply } = await kabar.answer("/help", { fallbackLang: "en" });
    const examples = reply.fields.find((f) => f.name === "Example questions")!.value;
    expect(examples).toBe(
      ["what did India say?", "how did the Philippines react?", "why did rice prices rise?", "give me a quote from Marcos"].map((e) => `• ${e}`).join("\n"),
    );
  });

  it.each(library.articles.flatMap((a) => (["id", "en"] as const).map((lang) => [a.id, lang] as const)))(
    "GIVEN the examples made from %s in %s THEN each is answered from that article, with the kind it asks for",
    async (id, lang) => {
      const article = library.get(id)!;
      const kinds = ["reaction", "reaction", "background", "quote"];
      for (const [i, question] of exampleQuestions(article, lang).entries()) {
        const { reply } = await kabar.answer(question, { fallbackLang: lang });
        expect({ question, kind: reply.kind, article: reply.articleId, lang: reply.lang }).toEqual({ question, kind: kinds[i], article: id, lang });
      }
    },
  );

  it("GIVEN an empty message THEN the hint's example names the newest article's first actor", async () => {
    const { reply } = await kabar.answer("   ", { fallbackLang: "id" });
    expect(reply.blocks[0]).toBe("Pesannya kosong. Tanyakan sesuatu tentang artikel ini, misalnya: apa kata India?");
  });

  it("GIVEN an interactive console THEN its greeting lists the newest article's examples", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d: Buffer) => (text += d.toString()));
    const chat = new ConsolePlatform({ kabar, input, output, interactive: true, lang: "id" });
    const running = chat.start();
    input.end("/exit\n");
    await running;
    expect(text).toContain("Contoh: apa kata India? · gmn reaksi Filipina? · mengapa harga beras naik? · kutip dong omongan Marcos");
    expect(text).not.toContain("Prancis");
  });
});

describe("/start on the Telegram peer", () => {
  let peer: TelegramPeer;
  let bot: KabarOnPeer;
  beforeAll(async () => {
    peer = await startTelegramPeer();
    bot = await startKabarOnPeer(peer, { kabar });
  });
  afterAll(async () => {
    await bot?.platform.stop();
    await peer?.stop();
  });

  it("GIVEN /start THEN the greeting's example asks about the newest article's first actor", async () => {
    const msg = await peer.nextMessage(621, () => peer.user({ userId: 621, languageCode: "en" }).send("/start"));
    expect(msg.payload.text).toContain("just ask, for example: what did India say?");
  });
});
