import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { addFixtureArticle, contentCopy, type MainProcess, RELOADED, RICE, startMain, waitUntilWatching } from "./helpers/mainProcess.js";

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

describe("npm start as a console chat on a pipe", () => {
  it("GIVEN an article folder added while it runs THEN the next question is answered from it", async () => {
    const { bot, dir } = consoleBot();
    expect(await ask(bot, "apa kata India?")).toContain("tidak memuat reaksi dari India");
    await waitUntilWatching(bot, dir);
    const after = bot.output.length;
    addFixtureArticle(dir, RICE);
    await bot.waitForOutput(/"added":\["2023-11-02-rice-exports"\][^\n]*"msg":"content reloaded"/, { after, timeoutMs: 10_000 });
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
