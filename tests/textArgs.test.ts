import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { CommandDefinition } from "../src/core/command.js";
import { callFromText, parseCommandText } from "../src/core/textArgs.js";

/** The text form of commands, as typed in Telegram and the console. */
const command = (name: string): CommandDefinition => COMMANDS.find((c) => c.name === name)!;
const typed = (text: string) => {
  const parsed = parseCommandText(text)!;
  return callFromText(command(parsed.name), parsed.rest, "en").args;
};

describe("reading a command's name", () => {
  it("GIVEN spaces around the text and between the words THEN the name is lower-cased and the rest starts at the first word", () => {
    expect(parseCommandText("  /Reaction   arab saudi \n")).toStrictEqual({ name: "reaction", rest: "arab saudi" });
  });

  it("GIVEN a name alone THEN the rest is empty and there is no mention", () => {
    expect(parseCommandText("/start")).toStrictEqual({ name: "start", rest: "" });
  });

  it("GIVEN a name addressed to a bot THEN the mention is kept apart from the rest", () => {
    expect(parseCommandText("/summary@KabarBot short")).toStrictEqual({ name: "summary", mention: "KabarBot", rest: "short" });
  });

  it.each([
    ["a command inside a sentence", "tolong /reaction prancis"],
    ["a name joined to other characters", "/digest-subscribe 07:30"],
    ["a mention shorter than a bot username (3 characters)", "/summary@KB short"],
  ])("GIVEN %s THEN it is not a command", (_what, text) => {
    expect(parseCommandText(text)).toBeUndefined();
  });
});

describe("mapping the words to options", () => {
  it("GIVEN a command alone THEN no option is set", () => {
    expect(typed("/reaction")).toStrictEqual({});
  });

  it("GIVEN a subcommand and fewer words than options THEN the words fill the first options and the others stay unset", () => {
    expect(typed("/digest subscribe 07:30 Asia/Jakarta")).toStrictEqual({ subcommand: "subscribe", time: "07:30", timezone: "Asia/Jakarta" });
  });

  it("GIVEN one word fewer than the options THEN the last option stays unset rather than empty", () => {
    expect(typed("/digest subscribe 07:30 Asia/Jakarta en")).toStrictEqual({
      subcommand: "subscribe",
      time: "07:30",
      timezone: "Asia/Jakarta",
      language: "en",
    });
  });

  it("GIVEN more words than options THEN the last option takes the rest of them, and only those", () => {
    expect(typed("/digest subscribe 07:30 Asia/Jakarta en always now")).toStrictEqual({
      subcommand: "subscribe",
      time: "07:30",
      timezone: "Asia/Jakarta",
      language: "en",
      mode: "always now",
    });
  });

  it("GIVEN a subcommand typed in capitals THEN it is recognised", () => {
    expect(typed("/digest SUBSCRIBE 07:30")).toStrictEqual({ subcommand: "subscribe", time: "07:30" });
  });

  it("GIVEN a subcommand the command does not have THEN it is passed on lower-cased for the command to refuse", () => {
    expect(typed("/digest Frobnicate")).toStrictEqual({ subcommand: "frobnicate" });
  });

  it("GIVEN a command with subcommands but none typed THEN no subcommand is set", () => {
    expect(typed("/digest")).toStrictEqual({});
  });

  it("GIVEN an unknown first word before options of the command itself THEN that word is the subcommand, not an option value", () => {
    const def: CommandDefinition = {
      ...command("digest"),
      options: [{ name: "time", description: { id: "Jam", en: "Time" } }],
    };
    expect(callFromText(def, "later 07:30", "en").args).toStrictEqual({ subcommand: "later", time: "07:30" });
  });

  it("GIVEN an option given by name and a stray word THEN the named value stands", () => {
    expect(typed("/summary length=long short")).toStrictEqual({ length: "long" });
  });

  it("GIVEN a word that only ends like name=value THEN it is a plain word", () => {
    expect(typed("/quote re:actor=prancis")).toStrictEqual({ actor: "re:actor=prancis" });
  });
});
