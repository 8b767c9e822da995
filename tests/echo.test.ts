import { safeCall } from "../src/core/callShape.js";
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

describe("safeCall: a call's arguments as commands may see them", () => {
  const call = (args: Record<string, string | undefined>) => ({ command: "reaction", lang: "en" as const, args });

  it("GIVEN short printable arguments THEN the call serves as it is, not copied", () => {
    const plain = call({ actor: "france", article: undefined });
    expect(safeCall(plain)).toBe(plain);
  });

  it("GIVEN a bidi override in an argument THEN it is taken out", () => {
    expect(safeCall(call({ actor: "fr\u202Eance" }))).toEqual(call({ actor: "france" }));
  });

  it("GIVEN a printable argument of 101 characters THEN it is cut to 100, ending with an ellipsis", () => {
    const safe = safeCall(call({ actor: "a".repeat(101) }));
    expect(safe).not.toBe("too long");
    expect((safe as ReturnType<typeof call>).args.actor).toBe(`${"a".repeat(99)}…`);
  });

  it("GIVEN arguments over 1,000 characters together THEN the call is too long", () => {
    expect(safeCall(call({ a: "x".repeat(600), b: "y".repeat(401) }))).toBe("too long");
    expect(safeCall(call({ a: "x".repeat(600), b: "y".repeat(400) }))).not.toBe("too long");
  });
});
