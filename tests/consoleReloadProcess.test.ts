import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { addFixtureArticle, contentCopy, type MainProcess, RICE, startMain } from "./helpers/mainProcess.js";

/**
 * The console chat of `npm start` (no token) fed by a pipe that stays open,
 * as `tail -f questions | npm start` or a supervisor would: a long-running
 * console sees content reloads like the platforms do.
 */
const started: Array<{ bot: MainProcess; dir: string }> = [];
afterEach(() => {
  for (const { bot, dir } of started.splice(0)) {
    bot.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

function consoleBot(env: Record<string, string> = {}): { bot: MainProcess; dir: string } {
  const dir = contentCopy();
  const bot = startMain({ CONTENT_DIR: dir, LOG_LEVEL: "info", ...env }, { stdin: "pipe" });
  started.push({ bot, dir });
  return { bot, dir };
}

/** Asks one question and resolves with the answer (every answer about an article ends with its source line). */
async function ask(bot: MainProcess, question: string): Promise<string> {
  const after = bot.output.length;
  bot.writeLine(question);
  return bot.waitForOutput(/Sumber: [^\n]*\n\n/, { after, timeoutMs: 20_000 });
}

const RELOADED = /"msg":"content reloaded"[^\n]*\n/;

describe("npm start as a console chat on a pipe", () => {
  it("GIVEN an article folder added while it runs THEN the next question is answered from it", async () => {
    const { bot, dir } = consoleBot();
    expect(await ask(bot, "apa kata India?")).toContain("tidak memuat reaksi dari India");
    // The watch is set up asynchronously: add the folder, and remove-and-add again until a reload shows it was seen.
    for (let i = 0; ; i++) {
      const after = bot.output.length;
      rmSync(`${dir}/${RICE}`, { recursive: true, force: true });
      addFixtureArticle(dir, RICE);
      try {
        await bot.waitForOutput(/"added":\["2023-11-02-rice-exports"\][^\n]*"msg":"content reloaded"/, { after, timeoutMs: 1_500 });
        break;
      } catch (err) {
        if (i >= 15) throw err;
      }
    }
    expect(await ask(bot, "apa kata India?")).toContain("Reaksi India");
  });

  it("GIVEN CONTENT_WATCH=false and SIGHUP THEN nothing reloads until the signal, and the signal reloads at once", async () => {
    const { bot, dir } = consoleBot({ CONTENT_WATCH: "false" });
    expect(await ask(bot, "apa kata PBB?")).toContain("Reaksi PBB");
    addFixtureArticle(dir, RICE);
    expect(await ask(bot, "apa kata India?")).toContain("tidak memuat reaksi dari India");
    const after = bot.output.length;
    bot.child.kill("SIGHUP");
    const logged = await bot.waitForOutput(RELOADED, { after });
    // At once: the reload is the very next thing logged after the signal, no debounce in between.
    const lines = logged.split("\n").filter((l) => l.startsWith("{"));
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["SIGHUP: reloading content", "content reloaded"]);
    expect(await ask(bot, "apa kata India?")).toContain("Reaksi India");
  });
});
