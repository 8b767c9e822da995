/**
 * `npm run test:mutation` works group by group: each group's modules are
 * mutated with only the fast unit tests that exercise them. Stryker runs every
 * test of its test set for a "static" mutant (one in a module-level constant:
 * a regex, a limit, a schema), so with one test set for all modules each of
 * the ~800 static mutants would cost a full run of every unit test (hours on
 * 2 cores); with a group's own tests it costs a second or two.
 *
 * tests/mutation/run.ts runs the groups in turn; vitest.stryker.config.ts
 * picks the group's tests from STRYKER_GROUP (all groups' tests without it).
 */
export interface MutationGroup {
  /** Modules to mutate (a path as in stryker.config.json's `mutate`). */
  mutate: string[];
  /** The unit tests that specify those modules. */
  tests: string[];
}

export const MUTATION_GROUPS: Record<string, MutationGroup> = {
  content: {
    mutate: ["src/content/loader.ts", "src/content/schema.ts"],
    tests: ["tests/content.test.ts", "tests/contentSchema.test.ts", "tests/contentLoader.test.ts", "tests/contentLoaderBug.test.ts", "tests/contentHardening.test.ts", "tests/fuzz.test.ts", "tests/drafts.test.ts", "tests/importSeed.test.ts"],
  },
  import: {
    mutate: [
      "src/import/paragraphs.ts",
      "src/import/structure.ts",
      "src/import/quotes.ts",
      "src/import/speakers.ts",
      "src/import/actors.ts",
      "src/import/sections.ts",
      "src/import/summary.ts",
    ],
    tests: ["tests/importSteps.test.ts", "tests/importStructure.test.ts", "tests/importQuotes.test.ts", "tests/importActors.test.ts", "tests/importSections.test.ts", "tests/importSeed.test.ts"],
  },
  telegram: {
    mutate: ["src/platforms/telegram/html.ts", "src/platforms/telegram/groupRules.ts"],
    tests: ["tests/telegramRender.test.ts", "tests/telegramLayout.test.ts", "tests/groupRules.test.ts", "tests/limits.test.ts", "tests/digestCompose.test.ts", "tests/fuzz.test.ts"],
  },
  discord: {
    mutate: ["src/platforms/discord/embeds.ts", "src/platforms/discord/text.ts", "src/platforms/discord/errorLog.ts"],
    tests: ["tests/discordEmbeds.test.ts", "tests/discordLayout.test.ts", "tests/limits.test.ts", "tests/redaction.test.ts", "tests/digestCompose.test.ts", "tests/fuzz.test.ts"],
  },
  digest: {
    mutate: ["src/digest/pacing.ts", "src/digest/slots.ts", "src/digest/deliver.ts"],
    tests: ["tests/digestCompose.test.ts", "tests/digestSlots.test.ts", "tests/digestTimes.test.ts", "tests/digestDeliver.test.ts", "tests/digestDeliverLease.test.ts", "tests/digestDeliverFailures.test.ts", "tests/digestScheduler.test.ts", "tests/broadcastRate.test.ts"],
  },
  store: {
    // Only the claim logic of each store: the rest of the file is marked `Stryker disable all`.
    mutate: ["src/store/sqlite/store.ts", "src/store/postgres/store.ts"],
    tests: ["tests/store.test.ts", "tests/store.contract.test.ts"],
  },
  core: {
    mutate: ["src/core/log.ts", "src/core/textArgs.ts", "src/core/callbackData.ts"],
    tests: ["tests/redaction.test.ts", "tests/logger.test.ts", "tests/config.test.ts", "tests/commands.test.ts", "tests/textArgs.test.ts", "tests/callbackData.test.ts", "tests/limits.test.ts"],
  },
};
