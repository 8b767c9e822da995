import { describe, expect, it } from "vitest";
import { cleanText, readingOnce, tokenize } from "../src/understand/normalize.js";

/** One question is cleaned and tokenized once for all the steps that read it (normalize.ts, readingOnce). */
describe("readingOnce", () => {
  it("GIVEN one reading THEN every step gets the same tokens of the same text", () => {
    readingOnce(() => {
      expect(tokenize("gmn sikap Prancis?")).toBe(tokenize("gmn sikap Prancis?"));
      expect(tokenize("gmn sikap Prancis?")).toEqual(["bagaimana", "sikap", "prancis"]);
    });
  });

  it("GIVEN a reading that ended THEN the same text is read afresh, giving equal tokens", () => {
    const inside = readingOnce(() => tokenize("what did the UN say?"));
    const after = tokenize("what did the UN say?");
    expect(after).not.toBe(inside);
    expect(after).toEqual(inside);
  });

  it("GIVEN a reading inside a reading THEN it shares the outer one's memory", () => {
    readingOnce(() => {
      const outer = tokenize("apa kata rusia");
      expect(readingOnce(() => tokenize("apa kata rusia"))).toBe(outer);
    });
  });

  it("GIVEN shared tokens THEN no caller can change them for the next step", () => {
    readingOnce(() => {
      const tokens = tokenize("apa kata rusia") as string[];
      expect(() => tokens.push("prancis")).toThrow(TypeError);
      expect(cleanText("Apa kata RUSIA?")).toBe("apa kata rusia");
    });
  });

  it("GIVEN a step that throws THEN the reading still ends", () => {
    expect(() =>
      readingOnce(() => {
        tokenize("kutipan pbb");
        throw new Error("step failed");
      }),
    ).toThrow("step failed");
    const first = readingOnce(() => tokenize("kutipan pbb"));
    expect(readingOnce(() => tokenize("kutipan pbb"))).not.toBe(first);
  });
});
