import { inject } from "vitest";
import { createDatabase } from "../peers/postgres.js";

/**
 * The PostgreSQL cluster the global setup started (tests/setup/postgres.ts).
 * `postgresUrl` is undefined when none is installed; PostgreSQL suites then
 * skip with `describe.skipIf(!postgresUrl)` and `postgresSkipNote` says why
 * (under CI=true the global setup fails instead, so they never skip there).
 */
export const postgresUrl = inject("postgresUrl");

const missing = inject("postgresMissing");
let noted = false;
export function notePostgresSkipped(): void {
  if (postgresUrl || noted) return;
  noted = true;
  console.warn(`PostgreSQL tests skipped: ${missing}`);
}

/** An empty database of the test's own on the cluster. */
export function freshPostgresDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error(`no PostgreSQL cluster: ${missing}`);
  return createDatabase(postgresUrl);
}
