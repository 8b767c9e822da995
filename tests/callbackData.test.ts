import { describe, expect, it } from "vitest";
import { decodeCall, encodeCall } from "../src/core/callbackData.js";

/** Button data: what a button carries, and which data is refused as stale (written by another version, or tampered with). */
describe("callback data", () => {
  it("GIVEN args that are empty or missing THEN they are left out of the data", () => {
    expect(encodeCall({ command: "summary", lang: "en", args: { length: undefined, article: "" } })).toBe("k1|summary|en|");
    expect(encodeCall({ command: "reaction", lang: "id", args: { actor: "arab saudi", article: "a&b=c" } })).toBe("k1|reaction|id|actor=arab%20saudi&article=a%26b%3Dc");
  });

  it("GIVEN encoded data THEN decoding gives the same call back", () => {
    const call = { command: "reaction", lang: "id" as const, args: { actor: "arab saudi", article: "a&b=c|d" } };
    expect(decodeCall(encodeCall(call))).toEqual(call);
    expect(decodeCall("k1|summary|en|")).toEqual({ command: "summary", lang: "en", args: {} });
  });

  it.each([
    ["three parts", "k1|summary|en"],
    ["five parts", "k1|summary|en|a=1|b=2"],
    ["another version's prefix", "k2|summary|en|"],
    ["a command that is not a name", "k1|summary!|en|"],
    ["a command with a prefix of junk", "k1|!summary|en|"],
    ["a command over 32 letters", `k1|${"a".repeat(33)}|en|`],
    ["a language we do not speak", "k1|summary|fr|"],
    ["an arg without a name", "k1|summary|en|=short"],
    ["an arg without '='", "k1|summary|en|short"],
    ["a broken percent escape", "k1|reaction|en|actor=%E0%A4%A"],
  ])("GIVEN %s THEN the data is stale (undefined)", (_what, data) => {
    expect(decodeCall(data)).toBeUndefined();
  });
});
