import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "./helpers/core.js";
import { freePort, startTelegramPeer, TEST_BOT_USERNAME, TEST_TOKEN, type TelegramPeer } from "./peers/telegramPeer.js";

/**
 * Production runs compiled JavaScript: `npm run build` (tsconfig.build.json),
 * then `node dist/src/main.js`. The build goes to a temporary folder (beside a
 * link to our node_modules, so packages resolve as they do from dist/), and the
 * bot runs from the repository root as it does in the container (content/ there).
 * The folder holds what the image holds beside dist/: node_modules and package.json.
 */
const run = promisify(execFile);
const build = mkdtempSync(join(tmpdir(), "kabar-build-"));
const main = join(build, "dist", "src", "main.js");
const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: mkdtempSync(join(tmpdir(), "kabar-prod-")) });

beforeAll(async () => {
  symlinkSync(join(ROOT, "node_modules"), join(build, "node_modules"), "dir");
  // package.json beside dist/ as in the image: its "type": "module" makes dist/*.js ES modules.
  symlinkSync(join(ROOT, "package.json"), join(build, "package.json"));
  // The same compiler options as `npm run build`, only the output folder differs.
  await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(build, "dist")], { cwd: ROOT });
}, 180_000);
afterAll(() => rmSync(build, { recursive: true, force: true }));

function startCompiled(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [main], { cwd: ROOT, env: { ...baseEnv(), ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the compiled bot (node dist/src/main.js)", () => {
  test("GIVEN a question piped in THEN it answers from the bundled content and exits 0", async () => {
    const bot = startCompiled({});
    bot.child.stdin!.end("apa kata prancis?\n");
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.output()).toContain("🇫🇷 Reaksi Prancis");
    expect(bot.output()).toContain("Colonna");
  });

  test("GIVEN HTTP_PORT THEN /healthz answers while it runs, and the container's health check command passes against it", async () => {
    const port = String(await freePort());
    const bot = startCompiled({ HTTP_PORT: port });
    await until(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200, "/healthz");
    const check = await run(process.execPath, ["deploy/healthcheck.mjs"], { cwd: ROOT, env: { ...baseEnv(), HTTP_PORT: port } });
    expect(check.stderr).toBe("");
    bot.child.stdin!.end("/exit\n");
    expect((await bot.exited).code).toBe(0);
    // With the bot gone the same check fails, so it can tell.
    await expect(run(process.execPath, ["deploy/healthcheck.mjs"], { cwd: ROOT, env: { ...baseEnv(), HTTP_PORT: port } })).rejects.toMatchObject({ code: 1 });
  });

  describe("on Telegram", () => {
    let peer: TelegramPeer;
    beforeAll(async () => {
      peer = await startTelegramPeer();
    });
    afterAll(async () => peer?.stop());

    test("GIVEN SIGHUP then SIGTERM sent to the process THEN the bot itself reloads its content, keeps answering, then stops cleanly", async () => {
      const bot = startCompiled({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: peer.apiRoot, LOG_LEVEL: "info" });
      try {
        await until(() => bot.output().includes(`telegram: connected as @${TEST_BOT_USERNAME} (polling)`), "the start line");
        bot.child.kill("SIGHUP");
        await until(() => bot.output().includes("content reloaded"), "the reload");
        const after = peer.calls.length;
        await peer.user({ userId: 601, languageCode: "en" }).send("/actors");
        await peer.waitForCall("sendMessage", { chatId: 601, after });
        bot.child.kill("SIGTERM");
        expect(await bot.exited).toEqual({ code: 0, signal: null });
        expect(bot.output()).toContain("shutting down");
      } finally {
        if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      }
    });
  });
});
