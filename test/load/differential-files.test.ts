import { readFileSync } from "node:fs";
import path from "node:path";
import { globbySync } from "globby";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";
import { compareLoaders } from "../fuzz/compare-loaders.js";

// Every YAML file of the repository: the dataset, the fixtures, and any other test data.
const files = globbySync(["claims/**/*.{yaml,yml}", "sources/**/*.{yaml,yml}", "test/**/*.{yaml,yml}"], {
  cwd: REPO_ROOT,
  ignore: ["**/node_modules/**"],
}).sort();

describe("the fast loader agrees with yaml on every YAML file in the repository", () => {
  it("finds files to compare", () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it.each(files)("%s", (file) => {
    const bytes = readFileSync(path.join(REPO_ROOT, file));
    const { differences } = compareLoaders(file, bytes);
    expect(differences).toEqual([]);
  });
  it("takes most of the dataset through the fast parser", () => {
    const dataset = files.filter((f) => f.startsWith("claims/") || f.startsWith("sources/"));
    const fast = dataset.filter((f) => compareLoaders(f, readFileSync(path.join(REPO_ROOT, f))).fast);
    // Not a speed assertion: a guard that the fast path still covers the files it was built for.
    expect(fast.length / dataset.length).toBeGreaterThan(0.8);
  });
});
