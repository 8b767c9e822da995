import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteSubscriptionStore } from "../src/store/sqlite/store.js";
import { ROOT } from "./helpers/core.js";
import { jakarta, subscription, tempDataDir } from "./helpers/digest.js";

/** Runs tests/helpers/schedulerProcess.ts as its own OS process; resolves with its exit code. */
function botProcess(db: string, out: string, at: number, owner: string, everyOut: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/schedulerProcess.ts", db, out, String(at), owner, everyOut.join(",")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
}

describe("two bot processes on one database", () => {
  it("GIVEN two processes catching up on the same 150 due slots at once THEN every chat gets exactly one digest", async () => {
    const dir = tempDataDir();
    const db = join(dir, "kabar.db");
    const store = new SqliteSubscriptionStore(db);
    for (let i = 1; i <= 150; i++) await store.subscribe(subscription(String(-1000 - i)), jakarta(6, 0));
    await store.close();

    const at = jakarta(7, 5);
    const outs = [join(dir, "a.txt"), join(dir, "b.txt")];
    // Both start their catch-up together, once both have loaded (a barrier on ready files, not a guessed delay).
    const codes = await Promise.all([botProcess(db, outs[0]!, at, "proc-a", outs), botProcess(db, outs[1]!, at, "proc-b", outs)]);
    expect(codes).toEqual([0, 0]);

    const sends = outs.flatMap((f) => (existsSync(f) ? readFileSync(f, "utf8").trim().split("\n").filter(Boolean) : []));
    const perChat = new Map<string, number>();
    for (const chat of sends) perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    expect(perChat.size).toBe(150);
    expect([...perChat.values()].filter((n) => n !== 1)).toEqual([]);
    // Both processes took part: the once-only result came from the ledger, not from one finishing first.
    for (const f of outs) expect(existsSync(f) && readFileSync(f, "utf8").trim().length > 0).toBe(true);
  });
});
