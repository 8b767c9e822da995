import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/core.js";
import { runScript } from "./helpers/spawn.js";

/**
 * `npm start` loads a platform's library only when that platform is
 * configured: discord.js alone is ~30 MiB of memory that a Telegram-only or
 * console bot never needs. Checked in the real process, by the packages in
 * Node's module cache at exit.
 */
const probe = { NODE_OPTIONS: `--import=${ROOT}tests/helpers/loadedPackages.mjs` };
const loaded = (stderr: string) => /LOADED_PACKAGES (.*)/.exec(stderr)?.[1]?.split(",") ?? [];

describe("Platform libraries", () => {
  it("GIVEN no token (the console chat) THEN neither grammY nor discord.js is loaded", async () => {
    const run = await runScript("src/main.ts", [], { input: "apa kata prancis?\n", env: probe });
    expect(run.stdout).toContain("Prancis");
    const packages = loaded(run.stderr);
    expect(packages).toContain("pino");
    expect(packages).not.toContain("grammy");
    expect(packages).not.toContain("discord.js");
  });

  it("GIVEN no DATABASE_URL and no FEEDS THEN neither pg nor the importer's libraries are loaded", async () => {
    const run = await runScript("src/main.ts", [], { input: "/source\n", env: probe });
    expect(run.stdout).toContain("Tribunnews");
    const packages = loaded(run.stderr);
    for (const name of ["pg", "linkedom", "@mozilla/readability", "feedsmith"]) expect(packages).not.toContain(name);
  });

  it("GIVEN only a Telegram token THEN grammY is loaded and discord.js is not", async () => {
    // A Bot API that refuses the token: start-up fails at getMe, after the platforms were built.
    const api = createServer((_req, res) => res.writeHead(401, { "content-type": "application/json" }).end('{"ok":false,"error_code":401,"description":"Unauthorized"}'));
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const apiRoot = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const run = await runScript("src/main.ts", [], { env: { ...probe, TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: apiRoot } }).finally(() => api.close());
    expect(run.code).toBe(1);
    const packages = loaded(run.stderr);
    expect(packages).toContain("grammy");
    expect(packages).not.toContain("discord.js");
  });
});
