import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reporters } from "../../src/reporters/index.js";
import { makeHostileResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

/**
 * Byte-for-byte golden files for every file format, over the realistic run plus the
 * hostile claim. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/reporters/golden.test.ts`
 * and read the diff before committing it.
 */
const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "golden");
const EXTENSIONS: Record<string, string> = {
  claimreview: "jsonld",
  github: "txt",
  html: "html",
  json: "json",
  junit: "xml",
  markdown: "md",
  sarif: "sarif",
};
const update = process.env["UPDATE_GOLDEN"] === "1";
/** A publisher's settings, so the ClaimReview file shows the review's url, author and date. */
const SETTINGS = {
  claimreview: { author: { name: "Example Fact Check", url: "https://factcheck.example.org/" }, url: "https://factcheck.example.org/{article}/#{claim}", "date-published": "2025-08-20" },
};

describe("golden files", () => {
  for (const [name, extension] of Object.entries(EXTENSIONS)) {
    it(`${name} matches golden/hostile.${extension}`, () => {
      const reporter = reporters[name];
      expect(reporter, `reporter ${name} is registered`).toBeDefined();
      const output = reporter!(makeHostileResult(), { ...plainOptions(), settings: SETTINGS });
      const file = join(goldenDir, `hostile.${extension}`);
      if (update || !existsSync(file)) {
        if (!update) throw new Error(`${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, output);
      }
      expect(Buffer.from(output, "utf8").equals(readFileSync(file))).toBe(true);
    });
  }
});
