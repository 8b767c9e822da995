import { describe, expect, it } from "vitest";
import { tokenize } from "../src/understand/normalize.js";
import { COMMANDS } from "../commands/index.js";
import { Kabar } from "../src/core/kabar.js";
import { library, recordingLogger, testKabar } from "./helpers/core.js";

/**
 * Words every JavaScript object answers to ("constructor", "toString", "__proto__") are ordinary
 * words in a message: looking them up must not find what objects inherit. "who is the constructor
 * of the peace plan" used to throw inside the understanding (the informal-spelling table was a
 * plain object), which a platform turned into an apology and `npm run ask` into a stack trace.
 */
const kabar = testKabar();

describe("words every object has", () => {
  it.each(["who is the constructor of the peace plan", "valueOf toString hasOwnProperty", "__proto__ apa", "siapa constructor-nya?"])(
    "GIVEN %j THEN it is read as words and answered",
    async (text) => {
      expect(tokenize(text).length).toBeGreaterThan(0);
      const { reply } = await kabar.answer(text);
      expect(reply.kind).not.toBe("error");
    },
  );

  it("GIVEN 'constructor' THEN it stays the word itself, expanded to nothing else", () => {
    expect(tokenize("the constructor")).toEqual(["the", "constructor"]);
  });
});

describe("a fault inside the understanding", () => {
  it("GIVEN the understanding throws on a message THEN the core answers with the apology and logs it, not a throw", async () => {
    const { logger, lines } = recordingLogger();
    // The bundled content, except that finding the newest article fails (as a corrupt index might).
    const faulty: typeof library = Object.create(library);
    faulty.newest = () => {
      throw new Error("index broken");
    };
    const broken = new Kabar({
      library: () => faulty,
      commands: COMMANDS,
      logger,
    });
    const { reply } = await broken.answer("apa kata prancis?");
    expect(reply.kind).toBe("error");
    expect(lines().some((l) => l.msg === "understanding failed")).toBe(true);
  });
});
