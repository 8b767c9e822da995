import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR } from "./helpers/core.js";
import { runScript } from "./helpers/spawn.js";

const COLONNA = "Kami menganggap Azerbaijan bertanggung jawab atas nasib warga Armenia di Nagorno-Karabakh";

describe("npm run ask", () => {
  it("GIVEN --json and one question THEN exactly one JSON line with kind, actor, lang, text and source", async () => {
    const { code, stdout } = await runScript("src/ask.ts", ["--json", "Apa kata Prancis?"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({ kind: "reaction", actor: "france", lang: "id" });
    expect(answer.text).toContain(COLONNA);
    expect(answer.source).toMatch(/Tribunnews\.com/);
    expect(Object.keys(answer).sort()).toEqual(["actor", "kind", "lang", "source", "text"]);
  });

  it("GIVEN questions on standard input THEN one JSON line per question, in order", async () => {
    const input = "what is Russia's role?\nInggris ikut mengecam gak?\n\nCan you recommend a good pasta recipe?\n";
    const { code, stdout } = await runScript("src/ask.ts", ["--json"], { input });
    expect(code).toBe(0);
    const answers = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(answers.map((a) => a.kind)).toEqual(["background", "not_found", "unknown", "unknown"]);
    expect(answers[0]).toMatchObject({ topic: "russia-role", lang: "en" });
    expect(answers[1]).toMatchObject({ actor_text: "inggris", lang: "id" });
    expect(answers[1].actor).toBeUndefined();
  });

  it("GIVEN no --json THEN the reply is printed for a person", async () => {
    const { stdout } = await runScript("src/ask.ts", ["what did the UN say?"]);
    expect(stdout).toMatch(/United Nations/);
    expect(stdout).toMatch(/Our translation: “The Secretary-General/);
    expect(stdout.trim().startsWith("{")).toBe(false);
  });
});

describe("npm start without a token (console chat)", () => {
  it("GIVEN 'apa kata prancis?' piped in THEN France's reaction with Colonna's quote verbatim and the source, then exit 0", async () => {
    const { code, stdout, stderr } = await runScript("src/main.ts", [], { input: "apa kata prancis?\n" });
    expect(code).toBe(0);
    expect(stdout).toContain("Reaksi Prancis");
    expect(stdout).toContain(`“${COLONNA}”`);
    expect(stdout).toContain("Sumber: Tribunnews.com / Andari Wulan Nugrahani");
    expect(stderr).toMatch(/TELEGRAM_BOT_TOKEN/);
  });

  it("GIVEN 40 questions piped in (more than the per-user limit of 30 a minute) THEN every one is answered", async () => {
    // The limit is for people typing; a file of questions is the operator's own.
    const { code, stdout } = await runScript("src/main.ts", [], { input: "/source\n".repeat(40) });
    expect(code).toBe(0);
    expect(stdout.match(/Sumber: Tribunnews\.com/g)).toHaveLength(40);
    expect(stdout).not.toMatch(/Terlalu banyak|Too many/);
  });

  it("GIVEN slash commands and /exit THEN each is answered and the chat ends", async () => {
    const { code, stdout } = await runScript("src/main.ts", [], { input: "/reaction russia\n/exit\n/help\n" });
    expect(code).toBe(0);
    expect(stdout).toContain("Reaksi Rusia");
    expect(stdout).not.toContain("/summary");
  });

  it("GIVEN a broken content file THEN start-up names the file and field and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kabar-broken-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, "2023-09-20-karabakh-reactions", "article.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^outlet: .*\n/m, ""));
    const { code, stdout, stderr } = await runScript("src/main.ts", [], { env: { CONTENT_DIR: dir }, input: "halo\n" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/article\.yaml: outlet: is missing/);
    expect(stdout).toBe("");
  });

  it("GIVEN an invalid setting THEN a readable error, exit 2, and no secret in the output", async () => {
    const secret = "987654:SUPER-SECRET-TOKEN-VALUE";
    const { code, stderr, stdout } = await runScript("src/main.ts", [], {
      env: { PORT: "eighty", DISCORD_TOKEN: secret, TELEGRAM_BOT_TOKEN: "not a token at all" },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT:/);
    expect(stderr).toMatch(/TELEGRAM_BOT_TOKEN: must look like/);
    expect(stderr + stdout).not.toContain("not a token at all");
    expect(stderr + stdout).not.toContain(secret);
  });
});
