import { defineConfig } from "vitest/config";

/**
 * The fast unit tests of the modules under mutation testing (stryker.config.json),
 * for `npm run test:mutation`. End-to-end tests through the peers and spawned
 * processes stay out: Stryker re-runs the tests covering each mutant, and those
 * would make a run take hours on 2 cores.
 */
export default defineConfig({
  test: {
    include: [
      "tests/content.test.ts",
      "tests/drafts.test.ts",
      "tests/importSteps.test.ts",
      "tests/importSeed.test.ts",
      "tests/telegramRender.test.ts",
      "tests/discordEmbeds.test.ts",
      "tests/limits.test.ts",
      "tests/digestCompose.test.ts",
      "tests/digestSlots.test.ts",
      "tests/digestScheduler.test.ts",
      "tests/store.test.ts",
      "tests/store.contract.test.ts",
      "tests/redaction.test.ts",
      "tests/groupRules.test.ts",
      "tests/callbackData.test.ts",
      "tests/commands.test.ts",
    ],
    globalSetup: ["tests/setup/postgres.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
