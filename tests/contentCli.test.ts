import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR } from "./helpers/core.js";
import { runScript } from "./helpers/spawn.js";
import { FIXTURE_DIR } from "./peers/httpFixtures.js";

/** A copy of the bundled content, for the CLI to write into. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kabar-cli-content-"));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

const importCli = (args: string[], contentDir: string) => runScript("src/import/cli.ts", args, { env: { CONTENT_DIR: contentDir } });
const checkCli = (args: string[], contentDir: string) => runScript("src/content/checkCli.ts", args, { env: { CONTENT_DIR: contentDir } });

describe("npm run content:import", () => {
  it("GIVEN a .txt article THEN a new draft folder holds original.txt verbatim and article.yaml, with progress lines", async () => {
    const dir = contentCopy();
    const run = await importCli([join(FIXTURE_DIR, "gempa-nusa-selatan.txt")], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^imported 2023-11-06-\S+ \(draft\)$/m);
    const folder = readdirSync(dir).find((n) => n.startsWith("2023-11-06"))!;
    expect(readFileSync(join(dir, folder, "original.txt"), "utf8")).toBe(readFileSync(join(FIXTURE_DIR, "gempa-nusa-selatan.txt"), "utf8"));
    expect(readFileSync(join(dir, folder, "article.yaml"), "utf8")).toMatch(/^status: draft$/m);
  });

  it("GIVEN --publish and --id THEN the folder is named by the id and published", async () => {
    const dir = contentCopy();
    const run = await importCli([join(FIXTURE_DIR, "sengketa-nikel.html"), "--publish", "--id", "nikel-wto"], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "nikel-wto", "article.yaml"), "utf8")).toMatch(/^status: published$/m);
  });

  it.each([
    [["no-such-file.txt"], /^content:import: no-such-file\.txt: cannot be read \(is the file there\?\)\n$/, 1],
    [[], /^content:import: usage: npm run content:import -- /, 2],
    [["a.txt", "--id", "Bad Id"], /^content:import: --id "Bad Id": must be 3-64 lower-case letters/, 2],
  ])("GIVEN %j THEN one line on stderr, no stack trace", async (args, line, code) => {
    const run = await importCli(args, contentCopy());
    expect(run.stderr).toMatch(line);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(run.code).toBe(code);
  });

  it("GIVEN an article imported twice THEN the second time says the folder exists", async () => {
    const dir = contentCopy();
    await importCli([join(FIXTURE_DIR, "sengketa-nikel.txt"), "--id", "nikel"], dir);
    const run = await importCli([join(FIXTURE_DIR, "sengketa-nikel.txt"), "--id", "nikel"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nikel already exists: pass --id <another-id>/);
  });
});

describe("npm run content:check", () => {
  it("GIVEN the content with a draft THEN every folder is checked, drafts included, exit 0", async () => {
    const dir = contentCopy();
    await importCli([join(FIXTURE_DIR, "sengketa-nikel.txt"), "--id", "nikel"], dir);
    const run = await checkCli([], dir);
    expect(run.stdout).toBe("ok 2023-09-20-karabakh-reactions (published)\nok nikel (draft, English pending)\n2 folder(s) checked, 0 problem(s)\n");
    expect(run.code).toBe(0);
  });

  it("GIVEN a broken draft THEN one line names the file, the field and the problem, exit 1", async () => {
    const dir = contentCopy();
    await importCli([join(FIXTURE_DIR, "sengketa-nikel.txt"), "--id", "nikel"], dir);
    const file = join(dir, "nikel", "article.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("text: Hilirisasi adalah", "text: Hilirisasi ialah"));
    const run = await checkCli([], dir);
    expect(run.stderr).toMatch(/^\S*nikel\/article\.yaml: actors\.indonesia\.quotes\[0\]\.text: is not verbatim in original\.txt; quotes must be copied character for character\n$/);
    expect(run.code).toBe(1);
  });

  it("GIVEN one folder THEN only that folder is checked", async () => {
    const dir = contentCopy();
    const run = await checkCli([join(dir, "2023-09-20-karabakh-reactions")], dir);
    expect(run.stdout).toBe("ok 2023-09-20-karabakh-reactions (published)\n");
    expect(run.code).toBe(0);
  });

  it("GIVEN a folder that does not exist THEN one line, exit 1", async () => {
    const run = await checkCli(["no-such-folder"], contentCopy());
    expect(run.stderr).toBe("no-such-folder: does not exist\n");
    expect(run.code).toBe(1);
  });
});
