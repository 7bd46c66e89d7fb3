import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests build their own temporary trees; none shares mutable state, so files run in parallel.
    pool: "forks",
    // A rule that throws fails the test that made it throw, instead of becoming a finding.
    env: { CLAIMCHECK_RETHROW_RULE_ERRORS: "1" },
    // Each run has a temporary folder of its own, and fails if a test leaves anything in it.
    globalSetup: ["test/helpers/temp-folders.ts"],
  },
});
