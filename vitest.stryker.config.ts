import { defineConfig } from "vitest/config";
import { MUTATION_GROUPS } from "./tests/mutation/groups.js";

/**
 * The fast unit tests of the modules under mutation testing, for
 * `npm run test:mutation` (tests/mutation/run.ts). STRYKER_GROUP narrows them to
 * one group's tests (tests/mutation/groups.ts). End-to-end tests through the
 * peers and spawned processes stay out: Stryker re-runs the tests covering each
 * mutant, and those would make a run take hours on 2 cores.
 */
const group = process.env.STRYKER_GROUP;
const groups = group ? [MUTATION_GROUPS[group]] : Object.values(MUTATION_GROUPS);
if (groups.some((g) => g === undefined)) throw new Error(`STRYKER_GROUP=${group} is not one of ${Object.keys(MUTATION_GROUPS).join(", ")}`);

export default defineConfig({
  test: {
    include: [...new Set(groups.flatMap((g) => g!.tests))],
    // The stores' contract runs against a real PostgreSQL, as in `npm test`.
    globalSetup: ["tests/setup/postgres.ts"],
    // A mutant that breaks a module at import fails the test files importing it (tests/mutation/loadFailures.ts).
    reporters: ["default", "./tests/mutation/loadFailures.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
