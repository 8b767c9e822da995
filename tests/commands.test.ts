import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import { ContentLibrary } from "../src/content/loader.js";
import { decodeCall, encodeCall } from "../src/core/callbackData.js";
import { Kabar } from "../src/core/kabar.js";
import type { CommandCall } from "../src/core/reply.js";
import { callFromText, parseCommandText } from "../src/core/textArgs.js";
import { article, testKabar } from "./helpers/core.js";

const kabar = testKabar();
const run = (command: string, args: Record<string, string> = {}, lang: "id" | "en" = "id") =>
  kabar.run({ command, args, lang });

describe("/reaction", () => {
  it("GIVEN france THEN the reply carries Colonna's quote verbatim and the source", async () => {
    const reply = await run("reaction", { actor: "france" });
    expect(reply.kind).toBe("reaction");
    expect(reply.actor).toBe("france");
    expect(reply.quotes[0]?.text).toBe("Kami menganggap Azerbaijan bertanggung jawab atas nasib warga Armenia di Nagorno-Karabakh");
    expect(reply.quotes[0]?.speaker).toBe("Catherine Colonna");
    expect(reply.source).toMatch(/Tribunnews\.com.*Andari Wulan Nugrahani/);
  });

  it("GIVEN an Indonesian reply THEN the quote carries no translation", async () => {
    const reply = await run("reaction", { actor: "prancis" }, "id");
    expect(reply.quotes[0]?.translation).toBeUndefined();
  });

  it("GIVEN an English reply THEN the quote stays in Indonesian and adds our translation", async () => {
    const reply = await run("reaction", { actor: "un" }, "en");
    const quote = reply.quotes[0]!;
    expect(article.original).toContain(quote.text);
    expect(quote.textLang).toBe("id");
    expect(quote.translation).toMatch(/^The Secretary-General strongly calls/);
  });

  it("GIVEN an alias with a typo THEN the actor is found", async () => {
    expect((await run("reaction", { actor: "Rusai" })).actor).toBe("russia");
  });

  it("GIVEN a country the article does not cover THEN the reply says so and lists the actors it has", async () => {
    const reply = await run("reaction", { actor: "Turki" }, "en");
    expect(reply.kind).toBe("not_found");
    expect(reply.actorText).toBe("turki");
    expect(reply.blocks.join(" ")).toMatch(/no reaction from Turkey/);
    for (const name of ["France", "United Nations", "Russia"]) expect(reply.blocks.join(" ")).toContain(name);
  });

  it("GIVEN a name that is no country at all THEN the reply says it was not found and lists the actors", async () => {
    const reply = await run("reaction", { actor: "xyzzy" }, "id");
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toMatch(/tidak menemukan "xyzzy".*Prancis.*PBB.*Rusia/);
  });

  it("GIVEN a reaction THEN the follow-ups lead to the other actors, the background and the summary", async () => {
    const reply = await run("reaction", { actor: "france" });
    expect(reply.followUps.map((f) => `${f.call.command}:${f.call.args.actor ?? f.call.args.topic ?? ""}`)).toEqual([
      "reaction:un",
      "reaction:russia",
      "background:russia-role",
      "summary:",
    ]);
  });
});

describe("the other commands", () => {
  it("GIVEN /summary THEN the long summary comes in the reply language with the source", async () => {
    const reply = await run("summary", {}, "en");
    expect(reply.blocks.length).toBe(article.summary.long.en.length);
    expect(reply.source).toMatch(/^Source:/);
  });

  it("GIVEN /summary length=short THEN one short paragraph", async () => {
    expect((await run("summary", { length: "short" })).blocks).toEqual([article.summary.short.id]);
  });

  it("GIVEN /background without a topic THEN Russia's role", async () => {
    const reply = await run("background");
    expect(reply.topic).toBe("russia-role");
    expect(reply.title).toContain("Apa Peran Rusia?");
  });

  it("GIVEN /background with an unknown topic THEN the reply lists the topics", async () => {
    const reply = await run("background", { topic: "economy" }, "en");
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toContain("russia-role");
  });

  it("GIVEN /quote without an actor THEN the actors with quotes are listed, each with its first quote verbatim and a button", async () => {
    const reply = await run("quote");
    expect(reply.blocks[0]).toMatch(/^Pilih salah satu, misalnya \/quote prancis/);
    expect(reply.quotes).toHaveLength(3);
    for (const q of reply.quotes) expect(article.original).toContain(q.text);
    expect(reply.actor).toBeUndefined();
    expect(reply.followUps.filter((f) => f.call.command === "quote").map((f) => f.call.args.actor)).toEqual(["france", "un", "russia"]);
  });

  it("GIVEN /actors THEN one field per actor", async () => {
    const reply = await run("actors", {}, "en");
    expect(reply.fields.map((f) => f.name)).toEqual(["🇫🇷 France", "🇺🇳 United Nations", "🇷🇺 Russia"]);
  });

  it("GIVEN /source THEN outlet, author and the date in the reply language", async () => {
    const reply = await run("source", {}, "id");
    expect(reply.blocks.join("\n")).toMatch(/Tribunnews\.com[\s\S]*Andari Wulan Nugrahani[\s\S]*20 September 2023/);
  });

  it("GIVEN /help THEN every command is listed", async () => {
    const reply = await run("help", {}, "en");
    for (const c of COMMANDS) expect(reply.fields.some((f) => f.name.startsWith(`/${c.name}`))).toBe(true);
  });

  it("GIVEN an article id that does not exist THEN the reply lists the articles", async () => {
    const reply = await run("summary", { article: "nope" }, "en");
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toContain(article.id);
  });

  it("GIVEN an unknown command THEN the unknown reply points at what the bot covers", async () => {
    expect((await run("weather")).kind).toBe("unknown");
  });

  it("GIVEN a command that throws THEN the user gets an apology, not a crash", async () => {
    const broken = testKabar();
    const def = broken.command("summary")!;
    const original = def.run;
    def.run = async () => {
      throw new Error("boom");
    };
    try {
      const reply = await broken.run({ command: "summary", args: {}, lang: "en" });
      expect(reply.kind).toBe("error");
      expect(reply.blocks[0]).toMatch(/Sorry/);
    } finally {
      def.run = original;
    }
  });
});

describe("every command definition", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))("GIVEN /%s THEN it has descriptions in both languages", (_, c) => {
    expect(c.description.id.length).toBeGreaterThan(0);
    expect(c.description.en.length).toBeGreaterThan(0);
    for (const o of c.options) expect(o.description.id && o.description.en).toBeTruthy();
  });

  it("GIVEN every follow-up of every reply THEN its button payload fits Telegram's 64 bytes and decodes back", async () => {
    const calls: CommandCall[] = [];
    for (const lang of ["id", "en"] as const) {
      for (const c of ["summary", "actors", "source", "help", "quote", "background"]) {
        calls.push(...(await run(c, {}, lang)).followUps.map((f) => f.call));
      }
    }
    for (const call of calls) expect(decodeCall(encodeCall(call))).toEqual(call);
  });

  it("GIVEN stale or foreign button data THEN it decodes to nothing", () => {
    for (const data of ["", "old:reaction:france", "k1|reaction|fr|actor=france", "k1|Reaction|id|", "k1|reaction|id|actor=%E0%A4%A"]) {
      expect(decodeCall(data)).toBeUndefined();
    }
  });
});

describe("text commands", () => {
  it.each([
    ["/reaction prancis", "reaction", { actor: "prancis" }],
    ["/reaction@KabarBot arab saudi", "reaction", { actor: "arab saudi" }],
    ["/summary length=short", "summary", { length: "short" }],
    ["/summary short article=2023-09-20-karabakh-reactions", "summary", { length: "short", article: "2023-09-20-karabakh-reactions" }],
  ])("GIVEN %j THEN the call is %s %j", (text, command, args) => {
    const parsed = parseCommandText(text)!;
    const def = COMMANDS.find((c) => c.name === parsed.name)!;
    expect(callFromText(def, parsed.rest, "id")).toEqual({ command, args, lang: "id" });
  });

  it("GIVEN text that is not a command THEN it does not parse as one", () => {
    expect(parseCommandText("apa kata prancis?")).toBeUndefined();
    expect(parseCommandText("/ reaction")).toBeUndefined();
  });
});

describe("answering a chat message", () => {
  it("GIVEN an empty message THEN a short hint in the chat's language, not a crash", async () => {
    const { reply } = await kabar.answer("   ", { fallbackLang: "en" });
    expect(reply.kind).toBe("unknown");
    expect(reply.blocks[0]).toMatch(/empty/);
  });

  it("GIVEN a message over the size limit THEN it is refused politely", async () => {
    const { reply, call } = await kabar.answer("apa kata prancis ".repeat(200));
    expect(call).toBeUndefined();
    expect(reply.blocks[0]).toMatch(/terlalu panjang/);
  });

  it("GIVEN a text command THEN it runs like the slash command", async () => {
    const { reply, call } = await kabar.answer("/reaction prancis", { fallbackLang: "en" });
    expect(call).toEqual({ command: "reaction", args: { actor: "prancis" }, lang: "en" });
    expect(reply.actor).toBe("france");
  });

  it("GIVEN a question THEN the reply language follows the question, not the platform", async () => {
    const { reply } = await kabar.answer("what did Russia say?", { fallbackLang: "id" });
    expect(reply).toMatchObject({ kind: "reaction", actor: "russia", lang: "en" });
  });
});

describe("free text over several articles", () => {
  // An older article whose only actor is Turkey (built from the bundled one, in memory).
  const france = article.actors[0]!;
  const older = {
    ...article,
    id: "2020-01-01-older",
    eventsDate: "2020-01-01",
    actors: [{ ...france, id: "turkey", name: { id: "Turki", en: "Turkey" }, aliases: { id: ["Turki"], en: ["Turkey"] } }],
  };
  const two = new Kabar({ library: () => new ContentLibrary([article, older]), commands: COMMANDS });

  it("GIVEN a question the newest article answers THEN the newest article answers it", async () => {
    const { reply, call } = await two.answer("apa kata Prancis?");
    expect(call?.args.article).toBeUndefined();
    expect(reply.articleId).toBe(article.id);
  });

  it("GIVEN a question only an older article answers THEN that article answers, and the call names it", async () => {
    const { reply, call } = await two.answer("apa kata Turki?");
    expect(call?.args).toMatchObject({ actor: "turkey", article: "2020-01-01-older" });
    expect(reply).toMatchObject({ kind: "reaction", actor: "turkey", articleId: "2020-01-01-older" });
  });

  it("GIVEN a question no article answers THEN the newest article's not_found, listing its actors", async () => {
    const { reply } = await two.answer("apa kata Jepang?");
    expect(reply).toMatchObject({ kind: "not_found", articleId: article.id, actorText: "jepang" });
  });
});

describe("buttons under an answer about an older article", () => {
  const older = { ...article, id: "2020-01-01-an-older-article-with-a-rather-long-identifier", eventsDate: "2020-01-01" };
  const two = new Kabar({ library: () => new ContentLibrary([article, older]), commands: COMMANDS });

  it("GIVEN an answer about the older article THEN every button stays on it and fits Telegram's callback data", async () => {
    const reply = await two.run({ command: "reaction", args: { actor: "france", article: older.id }, lang: "en" });
    expect(reply.articleId).toBe(older.id);
    for (const f of reply.followUps) {
      const back = decodeCall(encodeCall(f.call))!;
      const followed = await two.run(back);
      expect(followed.articleId).toBe(older.id);
    }
  });

  it("GIVEN an answer about the newest article THEN its buttons carry no article", async () => {
    const reply = await two.run({ command: "reaction", args: { actor: "france" }, lang: "en" });
    expect(reply.followUps.every((f) => f.call.args.article === undefined)).toBe(true);
  });
});
