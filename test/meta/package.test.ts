import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";

interface PackEntry {
  path: string;
  size: number;
}

/** What `npm pack` would put in the tarball (npm test builds dist/ first). */
function packedFiles(): PackEntry[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  return (JSON.parse(out) as Array<{ files: PackEntry[] }>)[0]!.files;
}

describe("the published package", () => {
  const files = packedFiles();
  const paths = files.map((f) => f.path);

  it("holds the CLI, the library, its types, the schemas, the docs and the licence", () => {
    for (const file of ["LICENSE", "README.md", "package.json", "dist/cli.js", "dist/index.js", "dist/index.d.ts", "dist/vitest.js", "schema/claim.schema.json", "schema/result.schema.json", "docs/rules.md", ".github/workflows/claimcheck.yml"]) {
      expect(paths, file).toContain(file);
    }
  });

  it("ships no screenshots, no source maps into sources it does not ship, and no development scripts", () => {
    expect(paths.filter((p) => p.endsWith(".png"))).toEqual([]);
    expect(paths.filter((p) => p.endsWith(".map"))).toEqual([]);
    expect(paths.filter((p) => p.startsWith("src/") || p.startsWith("test/") || p.startsWith("bench/") || p.includes("precompiled-generate"))).toEqual([]);
  });

  it("stays small", () => {
    // 2.1 MB unpacked in December 2026, over half of it the precompiled validators; the bound
    // leaves room to grow, and still fails if the 1.07 MB of screenshots came back.
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    expect(bytes).toBeLessThan(2_500_000);
  });
});
