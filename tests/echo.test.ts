import { describe, expect, it } from "vitest";
import { cutText, echoable, MAX_ECHO_CHARS, stripInvisible } from "../src/core/echo.js";

describe("user text the bot repeats", () => {
  it.each([
    ["\u202eevil", "evil", "right-to-left override"],
    ["a\u202ab\u202bc\u202cd\u202de", "abcde", "embeddings and pop"],
    ["\u2066x\u2067y\u2068z\u2069", "xyz", "isolates"],
    ["Pra\u200bn\u200dcis\ufeff\u00ad", "Prancis", "zero-width space and joiner, BOM, soft hyphen"],
    ["a\u200e\u200fb\u061cc", "abc", "LRM, RLM, ALM"],
    ["x\u0000y\u0007z\u001b[31m", "xyz[31m", "control characters"],
    ["tab\tand\nline", "tab\tand\nline", "tab and line break stay"],
  ])("GIVEN %j THEN %j (%s)", (input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });

  it("GIVEN 4,000 characters THEN 100 characters back, ending with an ellipsis", () => {
    const out = echoable("x".repeat(4000));
    expect(Array.from(out)).toHaveLength(MAX_ECHO_CHARS);
    expect(out.endsWith("…")).toBe(true);
  });

  it("GIVEN flags and accents at the cut THEN no flag or letter is split in half", () => {
    const out = cutText("🇫🇷".repeat(150), 100);
    expect(out).toBe(`${"🇫🇷".repeat(99)}…`);
  });

  it("GIVEN text of 100 characters or fewer THEN it is unchanged", () => {
    expect(echoable("arab saudi")).toBe("arab saudi");
    expect(echoable("y".repeat(100))).toBe("y".repeat(100));
  });
});
