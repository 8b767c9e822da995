import { describe, expect, it } from "vitest";
import { understand } from "../src/understand/intent.js";
import { article, testKabar } from "./helpers/core.js";

/**
 * The classes of wording issue 9 named, each fixed at its root (affixes,
 * "menurut X", comparisons, full text, short summaries, the dictionary guard,
 * invisible characters, off-topic objects, short English messages, display names).
 */
const read = (q: string, fallback: "id" | "en" = "id") => understand(q, article, fallback);

describe("informal Indonesian verb forms (ng-/nge-/ny-/-in) read as their base verb", () => {
  it.each([
    ["siapa yg ngecam?", "actors"],
    ["siapa aja yg nanggepin?", "actors"],
    ["siapa yang ngerespon?", "actors"],
    ["siapa yang ngomentarin operasinya?", "actors"],
  ])("GIVEN %j THEN it scores as the base verb: %s", (q, intent) => {
    expect(read(q).intent).toBe(intent);
  });

  it("GIVEN an informal verb form THEN the message is Indonesian", () => {
    expect(read("PBB ngerespon?", "en").lang).toBe("id");
  });
});

describe("'menurut X' / 'according to X' names whose view is asked", () => {
  it.each([
    ["nasib Armenia menurut Prancis bagaimana?", "france"],
    ["peran Rusia menurut PBB?", "un"],
    ["according to the UN, what did Russia do?", "un"],
  ])("GIVEN %j THEN the reaction of %s", (q, actor) => {
    expect(read(q).call).toMatchObject({ command: "reaction", args: { actor } });
  });

  it("GIVEN 'menurut' a country the article does not cover THEN not_found for it", () => {
    expect(read("menurut Turki gimana, Rusia salah?").call.args.actor).toBe("turki");
  });
});

describe("comparisons and agreement are about every actor", () => {
  it.each(["siapa yg paling keras ngecam?", "did everyone agree?", "who was the harshest?", "bandingkan sikap mereka"])(
    "GIVEN %j THEN actors",
    (q) => {
      expect(read(q).intent).toBe("actors");
    },
  );
});

describe("asking for the full wording asks for the quote", () => {
  it.each([
    ["bunyi lengkap pernyataan rusia", "russia"],
    ["full text of France's statement", "france"],
    ["whole statement from the UN", "un"],
  ])("GIVEN %j THEN the quote of %s", (q, actor) => {
    expect(read(q).call).toMatchObject({ command: "quote", args: { actor } });
  });
});

describe("short-summary cues", () => {
  it.each(["ringkasan singkat", "short summary please", "tl;dr", "TL;DR?"])("GIVEN %j THEN the short summary", (q) => {
    expect(read(q).call).toMatchObject({ command: "summary", args: { length: "short" } });
  });

  it("GIVEN a plain summary request THEN the long one", () => {
    expect(read("ringkasan dong").call.args.length).toBeUndefined();
  });
});

describe("a setting country with background words is a background question", () => {
  it.each(["latar belakang sikap Armenia", "What's the background to Armenia's reaction?", "konteks tanggapan Azerbaijan"])(
    "GIVEN %j THEN background",
    (q) => {
      expect(read(q).intent).toBe("background");
    },
  );
});

describe("the spelling mender never changes a real word", () => {
  it("GIVEN 'protect' THEN it is not read as 'protest'", () => {
    expect(read("how does russia protect armenians?").scores.reaction).toBe(0);
  });

  it("GIVEN 'stepping' THEN it is not read as 'shopping' (off-topic)", () => {
    expect(read("stepping up the fighting?").intent).not.toBe("unknown");
  });
});

describe("invisible characters", () => {
  it.each(["apa kata Pra\u200Bncis?", "apa kata Pra\u200Dncis?", "\uFEFFapa kata Prancis?", "apa kata Pran\u00ADcis?"])(
    "GIVEN %j THEN the same answer as without them",
    (q) => {
      expect(read(q).call).toMatchObject({ command: "reaction", args: { actor: "france" } });
    },
  );

  it("GIVEN a zero-width space inside a command THEN the command runs", async () => {
    const { call } = await testKabar().answer("/sum\u200Bmary");
    expect(call?.command).toBe("summary");
  });
});

describe("an off-topic object beats a news verb", () => {
  it.each(["what does France say about the weather?", "Rusia bilang apa soal harga bitcoin?", "pendapat PBB soal film terbaru?"])(
    "GIVEN %j THEN unknown",
    (q) => {
      expect(read(q).intent).toBe("unknown");
    },
  );

  it("GIVEN a news verb and the story's subject with it THEN still news", () => {
    expect(read("what did Russia say about flights to Armenia?").call.args.actor).toBe("russia");
  });
});

describe("a short English message stays English", () => {
  it.each(["casualties?", "ceasefire status", "humanitarian aid", "Lachin corridor?", "full text"])(
    "GIVEN %j from an Indonesian-locale user THEN English",
    (q) => {
      expect(read(q, "id").lang).toBe("en");
    },
  );
});

describe("places the article does not cover are named as the country data names them", () => {
  it.each([
    ["What did the US say?", "the United States"],
    ["what did the UK say?", "the United Kingdom"],
    ["what did NATO say?", "NATO"],
    ["apa kata AS?", "Amerika Serikat"],
    ["What did Joe Biden say about it?", "Joe Biden (United States)"],
  ])("GIVEN %j THEN the reply names %j", async (q, name) => {
    const { reply } = await testKabar().answer(q);
    expect(reply.kind).toBe("not_found");
    expect(reply.blocks[0]).toContain(` ${name}.`);
  });
});

describe("'start' in a question about the story is not the way in", () => {
  it.each(["when did the operation start?", "when did azerbaijan's operation start", "kapan operasi dimulai?"])("GIVEN %j THEN not the help page", (q) => {
    expect(read(q).intent).not.toBe("help");
  });

  it.each(["start", "mulai", "how do i start?"])("GIVEN %j alone THEN the help page", (q) => {
    expect(read(q).intent).toBe("help");
  });
});
