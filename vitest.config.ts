import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end tests start local Telegram/Discord peers; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
