import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config.js";
import { fsProblem, requireWritableDirs, unusableDirReason } from "../src/writableDir.js";
import { runScript } from "./helpers/spawn.js";

/**
 * Every DATA_DIR the bot cannot write to is one line naming the variable and
 * the reason, exit 2, as any other invalid setting.
 */
function scratch(): string {
  return mkdtempSync(join(tmpdir(), "kabar-datadir-"));
}

/** A folder this test's process cannot write to: root ignores permission bits, so root runs the child as nobody. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

describe("DATA_DIR checks", () => {
  it("GIVEN a missing folder THEN it is created and usable", () => {
    const dir = join(scratch(), "a", "b");
    expect(unusableDirReason(dir)).toBeUndefined();
  });

  it("GIVEN a path that is a file THEN 'is a file, not a folder'", () => {
    const file = join(scratch(), "kabar.db");
    writeFileSync(file, "");
    expect(unusableDirReason(file)).toBe("is a file, not a folder");
  });

  it("GIVEN a path under a file THEN the reason names that file", () => {
    const file = join(scratch(), "notes.txt");
    writeFileSync(file, "");
    expect(unusableDirReason(join(file, "data", "deeper"))).toBe(`lies under ${file}, which is a file`);
  });

  it.each([
    ["EROFS", "is on a read-only file system"],
    ["EACCES", "is not writable (permission denied)"],
    ["ENOSPC", "is on a full disk"],
  ])("GIVEN a write failing with %s THEN the reason reads '%s'", (code, reason) => {
    expect(fsProblem(code)).toBe(reason);
  });

  it("GIVEN an unusable folder THEN the ConfigError is one line naming the variable", () => {
    const file = join(scratch(), "f");
    writeFileSync(file, "");
    expect(() => requireWritableDirs({ DATA_DIR: file })).toThrow(ConfigError);
    expect(() => requireWritableDirs({ DATA_DIR: file })).toThrow(new RegExp(`^Invalid configuration: DATA_DIR \\(${file}\\) is a file, not a folder$`));
  });
});

describe("npm start with an unusable DATA_DIR", () => {
  it("GIVEN DATA_DIR under a file THEN one line naming DATA_DIR and the file, exit 2, no stack trace", async () => {
    const file = join(scratch(), "notes.txt");
    writeFileSync(file, "");
    const { code, stdout, stderr } = await runScript("src/main.ts", [], { env: { DATA_DIR: join(file, "data") }, input: "halo\n" });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([`Invalid configuration: DATA_DIR (${join(file, "data")}) lies under ${file}, which is a file`]);
  });

  it("GIVEN DATA_DIR that is a file THEN one line, exit 2", async () => {
    const file = join(scratch(), "data");
    writeFileSync(file, "");
    const { code, stderr } = await runScript("src/main.ts", [], { env: { DATA_DIR: file }, input: "halo\n" });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`Invalid configuration: DATA_DIR (${file}) is a file, not a folder`);
  });

  it("GIVEN DATA_DIR the bot's user may not write to THEN one line saying permission denied, exit 2", async () => {
    const dir = join(scratch(), "data");
    mkdirSync(dir);
    // As root, the folder stays root's and the bot runs as nobody; otherwise the folder is made read-only for us.
    if (asRoot) chmodSync(join(dir, ".."), 0o755);
    else chmodSync(dir, 0o555);
    const { code, stderr } = await runScript("src/main.ts", [], {
      env: { DATA_DIR: dir, HOME: tmpdir() },
      input: "halo\n",
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`Invalid configuration: DATA_DIR (${dir}) is not writable (permission denied)`);
  });
});
