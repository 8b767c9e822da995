/**
 * A throwaway PostgreSQL cluster for tests and benches: initdb into a temp
 * folder, start it on a free port of 127.0.0.1 with its socket in that folder,
 * and remove everything on stop. Durability is switched off (fsync,
 * synchronous_commit, full_page_writes): nothing here must survive a crash,
 * and it makes start and every commit fast.
 *
 * initdb refuses to run as root (CI runs as root), so then every server
 * command runs as the `postgres` OS user through runuser, and the folder is
 * handed to that user first.
 *
 *   const pg = await startPostgres();           // undefined reason when no PostgreSQL is installed
 *   const url = await createDatabase(pg.url);    // an empty database of its own per test
 *   await pg.stop();
 */
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./telegramPeer.js";

const run = promisify(execFile);
const PREFIX = "kabar-pg-";
const OWNER_FILE = "owner.pid";

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder (Debian layout), or undefined. */
export function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

/** Runs a server binary, as the postgres OS user when we are root. */
async function asServerUser(bin: string, args: string[]): Promise<void> {
  const root = userInfo().uid === 0;
  const [file, argv] = root ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  await run(file, argv, { timeout: 60_000 });
}

export async function startPostgres(): Promise<PostgresCluster | { missing: string }> {
  const bin = findPostgresBin();
  if (!bin) return { missing: "no PostgreSQL found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)" };
  await stopAbandonedClusters(bin);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  // Who started it: a run killed before its teardown leaves a server behind, which the next run stops.
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  if (userInfo().uid === 0) {
    const { uid, gid } = await serverUserIds();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, "data");
  // -N: no fsync of the new files; trust: only this machine's 127.0.0.1 and our own socket reach it.
  await asServerUser(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-N"]);
  // Another test run may take the free port between the probe and the start: try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await startServer(bin, dir, data, port);
    } catch (err) {
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
      continue;
    }
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        // immediate: no checkpoint of data about to be deleted.
        await asServerUser(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

async function startServer(bin: string, dir: string, data: string, port: number): Promise<void> {
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=32MB",
  ].join(" ");
  await asServerUser(join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "-t", "30", "start"]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Stops and removes clusters whose starting process is gone (a test run killed before its teardown). */
async function stopAbandonedClusters(bin: string): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), "utf8"));
    } catch {
      continue; // not ours to judge (being created, or from an older version)
    }
    if (!Number.isInteger(owner) || alive(owner)) continue;
    await asServerUser(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverUserIds(): Promise<{ uid: number; gid: number }> {
  try {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: g } = await run("id", ["-g", "postgres"]);
    return { uid: Number(stdout.trim()), gid: Number(g.trim()) };
  } catch {
    throw new Error("running as root but there is no `postgres` OS user to run the PostgreSQL server as");
  }
}

let counter = 0;

/** Creates an empty database on the cluster and returns its URL: each test gets its own. */
export async function createDatabase(clusterUrl: string, prefix = "kabar_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
