import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { articleSchema, isCalendarDate } from "../src/content/schema.js";
import { CONTENT_DIR } from "./helpers/core.js";

/**
 * The schema of article.yaml, field by field: the bundled article with one
 * edit, and the first problem the schema reports (the loader shows it as the
 * one line an editor reads), or what it fills in when the edit is accepted.
 */
// biome-ignore lint/suspicious/noExplicitAny: an article.yaml as parsed, edited freely by each test
type Yaml = any;
const BUNDLED: Yaml = parse(readFileSync(join(CONTENT_DIR, "2023-09-20-karabakh-reactions", "article.yaml"), "utf8"));

function edited(edit: (a: Yaml) => void): Yaml {
  const a = structuredClone(BUNDLED);
  edit(a);
  return a;
}

function problem(edit: (a: Yaml) => void): { field: string; message: string } | undefined {
  const r = articleSchema.safeParse(edited(edit));
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  return { field: issue.path.join("."), message: issue.message };
}

function accepted(edit: (a: Yaml) => void) {
  const r = articleSchema.safeParse(edited(edit));
  if (!r.success) throw new Error(`refused: ${JSON.stringify(r.error.issues[0])}`);
  return r.data;
}

const france = (a: Yaml) => a.actors.france;

describe("text fields", () => {
  it("GIVEN a title of only spaces THEN it is refused as empty", () => {
    expect(problem((a) => (a.title.id = "   "))).toEqual({ field: "title.id", message: "must not be empty" });
  });

  it("GIVEN text with spaces around it THEN it is kept trimmed", () => {
    expect(accepted((a) => (a.outlet = "  Tribunnews.com \n")).outlet).toBe("Tribunnews.com");
  });

  it("GIVEN no English title THEN it is accepted (English is optional until an editor writes it)", () => {
    expect(accepted((a) => delete a.title.en).title).toEqual({ id: BUNDLED.title.id });
  });

  it("GIVEN a language besides id and en in a localized field THEN it is refused as unknown", () => {
    expect(problem((a) => (a.title.fr = "Réactions"))?.field).toBe("title");
  });
});

describe("paragraph lists", () => {
  it("GIVEN a long summary with no Indonesian paragraph THEN it is refused", () => {
    expect(problem((a) => (a.summary.long.id = []))?.field).toBe("summary.long.id");
  });

  it("GIVEN a long summary with an empty English list THEN it is refused (leave English out instead)", () => {
    expect(problem((a) => (a.summary.long.en = []))?.field).toBe("summary.long.en");
  });

  it("GIVEN a field the summary does not have THEN it is refused", () => {
    expect(problem((a) => (a.summary.medium = { id: "x" }))?.field).toBe("summary");
  });

  it("GIVEN a summary marked extracted THEN the mark is kept", () => {
    expect(accepted((a) => (a.summary.extracted = true)).summary.extracted).toBe(true);
  });
});

describe("actors", () => {
  it("GIVEN no actor THEN it is refused with the reason", () => {
    expect(problem((a) => (a.actors = {}))).toEqual({ field: "actors", message: "must list at least one actor" });
  });

  it.each([
    [0, true],
    [0xffffff, true],
    [-1, false],
    [0x1000000, false],
    [1.5, false],
  ])("GIVEN an embed colour of %d THEN it is accepted only as a 24-bit integer: %s", (color, ok) => {
    expect(problem((a) => (france(a).color = color)) === undefined).toBe(ok);
  });

  it("GIVEN aliases without English THEN the English aliases are an empty list", () => {
    expect(accepted((a) => delete france(a).aliases.en).actors.france!.aliases.en).toEqual([]);
  });

  it("GIVEN a field an actor does not have THEN it is refused", () => {
    expect(problem((a) => (france(a).capital = "Paris"))?.field).toBe("actors.france");
  });

  it("GIVEN a quote with an empty translation THEN it is refused", () => {
    expect(problem((a) => (france(a).quotes[0].translation = " "))?.field).toBe("actors.france.quotes.0.translation");
  });

  it("GIVEN a field a quote does not have THEN it is refused", () => {
    expect(problem((a) => (france(a).quotes[0].date = "2023-09-20"))?.field).toBe("actors.france.quotes.0");
  });
});

describe("background sections", () => {
  it("GIVEN a section id with an underscore THEN it is refused with the rule for ids", () => {
    expect(problem((a) => (a.background[0].id = "russia_role"))).toEqual({
      field: "background.0.id",
      message: "must be lower-case letters, digits and dashes",
    });
  });

  it.each([
    ["a", true],
    [`a${"b".repeat(23)}`, true],
    [`a${"b".repeat(24)}`, false],
    ["1st-war", false],
    ["-war", false],
  ])("GIVEN the section id %s THEN it is accepted only as a letter then up to 23 letters, digits or dashes: %s", (id, ok) => {
    expect(problem((a) => (a.background[0].id = id)) === undefined).toBe(ok);
  });

  it("GIVEN a section naming no actors THEN its actors are an empty list", () => {
    expect(accepted((a) => delete a.background[0].actors).background[0]!.actors).toEqual([]);
  });

  it("GIVEN a field a section does not have THEN it is refused", () => {
    expect(problem((a) => (a.background[0].author = "x"))?.field).toBe("background.0");
  });
});

describe("the article's own fields", () => {
  it.each([
    ["abc", true],
    ["0-a", true],
    ["a".repeat(64), true],
    ["ab", false],
    ["a".repeat(65), false],
    ["-abc", false],
    ["Abc-def", false],
  ])("GIVEN the id %s THEN it is accepted only as 3-64 lower-case letters, digits and dashes: %s", (id, ok) => {
    expect(problem((a) => (a.id = id))).toEqual(ok ? undefined : { field: "id", message: "must be 3-64 lower-case letters, digits and dashes" });
  });

  it("GIVEN no status THEN the article is published", () => {
    expect(accepted((a) => delete a.status).status).toBe("published");
  });

  it("GIVEN a status besides draft and published THEN it is refused", () => {
    expect(problem((a) => (a.status = "archived"))?.field).toBe("status");
  });

  it.each(["2023-9-20", "x2023-09-20", "2023-09-201"])("GIVEN the date %s, not written YYYY-MM-DD THEN the message says how to write it", (date) => {
    expect(problem((a) => (a.events_date = date))).toEqual({ field: "events_date", message: "must be a date written YYYY-MM-DD" });
  });

  it("GIVEN a date in that form that is no day THEN the message says it is not a real date", () => {
    expect(problem((a) => (a.events_date = "2023-02-30"))).toEqual({ field: "events_date", message: "is not a real calendar date" });
  });

  it("GIVEN an article written in English THEN it is accepted as English", () => {
    expect(accepted((a) => (a.language = "en")).language).toBe("en");
  });

  it("GIVEN an article language besides id and en THEN it is refused", () => {
    expect(problem((a) => (a.language = "fr"))?.field).toBe("language");
  });

  it("GIVEN a url that is not a URL THEN it is refused, and no url at all is fine", () => {
    expect(problem((a) => (a.url = "tribunnews article"))?.field).toBe("url");
    expect(problem((a) => delete a.url)).toBeUndefined();
  });

  it("GIVEN no related list THEN it is empty", () => {
    expect(accepted((a) => delete a.related).related).toEqual([]);
  });

  it("GIVEN an English rendering with no paragraph THEN it is refused", () => {
    expect(problem((a) => (a.translation = { en: [] }))?.field).toBe("translation.en");
  });

  it("GIVEN a rendering into a language besides English THEN it is refused", () => {
    expect(problem((a) => (a.translation.fr = ["x"]))?.field).toBe("translation");
  });

  it("GIVEN a field an article does not have THEN it is refused", () => {
    expect(problem((a) => (a.editor = "x"))?.field).toBe("");
  });
});

describe("calendar dates", () => {
  it.each([
    ["2024-02-29", true],
    ["0099-01-01", true],
    ["2023-02-29", false],
    ["2023-04-31", false],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["2023-01-00", false],
    ["x2023-01-01", false],
    ["2023-01-01x", false],
  ])("GIVEN %s THEN it is a real calendar day: %s", (date, real) => {
    expect(isCalendarDate(date)).toBe(real);
  });
});
