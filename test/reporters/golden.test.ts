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

describe("golden files", () => {
  for (const [name, extension] of Object.entries(EXTENSIONS)) {
    it(`${name} matches golden/hostile.${extension}`, () => {
      const reporter = reporters[name];
      expect(reporter, `reporter ${name} is registered`).toBeDefined();
      const output = reporter!(makeHostileResult(), plainOptions());
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
