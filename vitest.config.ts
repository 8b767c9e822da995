import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One throwaway PostgreSQL cluster for the run (skipped, and said so, when none is installed).
    globalSetup: ["tests/setup/postgres.ts"],
    // End-to-end tests start local Telegram/Discord peers; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
