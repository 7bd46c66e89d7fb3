/**
 * The repository's own fact check, run as tests: one describe per article, one test per
 * claim, plus one for errors in files no claim owns. `npm test` runs it with the unit tests.
 */
import { fileURLToPath } from "node:url";
import { defineClaimTests } from "../src/vitest.js";

await defineClaimTests({ root: fileURLToPath(new URL("../", import.meta.url)) });
