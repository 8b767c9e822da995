import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReport } from "../src/ops/health.js";
import { ROOT } from "./helpers/core.js";
import { freshPostgresDatabase, notePostgresSkipped, postgresUrl } from "./helpers/postgres.js";
import { freePort } from "./peers/telegramPeer.js";

/**
 * /readyz on PostgreSQL, through the real npm start: the database going away
 * (connections refused and the open ones cut) turns it 503 naming the store,
 * and its return turns it 200 again without a restart.
 */
notePostgresSkipped();

describe.skipIf(!postgresUrl)("/readyz with DATABASE_URL", () => {
  let child: ChildProcess;
  let output = "";
  let dataDir: string;
  let url: string;
  let database: string;
  let admin: pg.Client;

  beforeAll(async () => {
    const databaseUrl = await freshPostgresDatabase();
    database = new URL(databaseUrl).pathname.slice(1);
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(join(tmpdir(), "kabar-readyz-"));
    // The console chat on a pipe kept open: the process runs until its input ends.
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, DATABASE_URL: databaseUrl, HTTP_PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await admin?.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function readyz(): Promise<{ status: number; report?: HealthReport }> {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    return res ? { status: res.status, report: (await res.json()) as HealthReport } : { status: 0 };
  }
  async function until(status: number, timeoutMs = 25_000): Promise<HealthReport> {
    const deadline = Date.now() + timeoutMs;
    let last: { status: number; report?: HealthReport } = { status: 0 };
    while (Date.now() < deadline) {
      last = await readyz();
      if (last.status === status) return last.report!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`/readyz stayed ${last.status} (${JSON.stringify(last.report)})\n${output}`);
  }

  it("GIVEN the database goes away and comes back THEN /readyz goes 200 -> 503 naming the store -> 200, and the process lives on", async () => {
    expect((await until(200)).parts.store).toEqual({ ok: true });

    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
    const red = await until(503);
    expect(red.parts.store).toEqual({ ok: false, reason: expect.stringMatching(/^PostgreSQL not reachable or not writable/) });
    expect(red.parts.content).toEqual({ ok: true });

    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
    expect((await until(200)).parts.store).toEqual({ ok: true });
    expect(child.exitCode).toBeNull();

    child.stdin!.end("/exit\n");
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
  }, 60_000);
});
