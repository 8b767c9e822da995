import type { TestProject } from "vitest/node";
import { type PostgresCluster, startPostgres } from "../peers/postgres.js";

/**
 * vitest globalSetup: one throwaway PostgreSQL cluster for the whole run
 * (tests/peers/postgres.ts); each test creates its own database on it. When
 * no PostgreSQL is installed the PostgreSQL tests skip and say why, except
 * under CI=true, where a missing server fails the run.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** Cluster URL (database "postgres"), or undefined when none could be started. */
    postgresUrl: string | undefined;
    /** Why there is no cluster. */
    postgresMissing: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startPostgres();
  if ("missing" in started) {
    if (process.env.CI === "true") throw new Error(`PostgreSQL tests must run under CI=true, but ${started.missing}`);
    project.provide("postgresUrl", undefined);
    project.provide("postgresMissing", started.missing);
    return async () => {};
  }
  const cluster: PostgresCluster = started;
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresMissing", undefined);
  return () => cluster.stop();
}
