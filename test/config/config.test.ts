import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyConfig, articlesDir, sourcesDir } from "../../src/config/apply.js";
import { ConfigError, knownRuleIds, loadConfig, parseConfig } from "../../src/config/load-config.js";
import { baseOptions } from "../../src/options/run-options.js";
import { builtinChecks, rules } from "../../src/rules/index.js";
import { copyDataset, runCli } from "../helpers/cli.js";

const encode = (text: string) => new TextEncoder().encode(text);

function configError(text: string): ConfigError {
  try {
    parseConfig("claimcheck.config.yaml", encode(text));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("accepts every documented key", () => {
    const config = parseConfig(
      "claimcheck.config.yaml",
      encode(`
articles: fact-checks
claims: ["fact-checks/**/*.yaml"]
sources: ["records/**/*.yaml"]
rules:
  archive-url: warn
  orphan-source: off
  quote-found: error
  parse: warn
limits:
  max-file-bytes: 2048
  max-nodes: 500
  max-depth: 10
  max-aliases: 0
max-warnings: 3
reports:
  formats: [terminal, html=reports/index.html]
`),
    );
    expect(config.rules).toEqual({ "archive-url": "warn", "orphan-source": "off", "quote-found": "error", parse: "warn" });
    expect(config["max-warnings"]).toBe(3);
  });

  it("treats an empty mapping as no settings", () => {
    expect(parseConfig("c.yaml", encode("{}\n"))).toEqual({});
  });

  it("names an unknown rule at its line and column, with a suggestion", () => {
    const error = configError("rules:\n  archive-url: warn\n  quote-fund: off\n");
    expect(error.diagnostics).toHaveLength(1);
    const [d] = error.diagnostics;
    expect(d).toMatchObject({ messageId: "unknownRule", data: { rule: "quote-fund", suggestion: "quote-found" }, at: { line: 3, column: 3 } });
    expect(error.message).toContain('claimcheck.config.yaml:3:3  unknown rule "quote-fund" — did you mean "quote-found"?');
  });

  it("lists the rules when an unknown one resembles none", () => {
    const error = configError("rules:\n  spelling: error\n");
    expect(error.message).toContain("rules: archive-url, assertion-holds");
  });

  it("names an unknown key with a suggestion", () => {
    const error = configError("claims: [a]\nlimtis:\n  max-depth: 3\n");
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ ruleId: "schema", messageId: "unknownKey", data: { key: "limtis", suggestion: "limits" }, at: { line: 2, column: 1 } });
  });

  it("rejects camelCase limit names, suggesting the kebab-case key", () => {
    const error = configError("limits:\n  maxFileBytes: 10\n");
    expect(error.diagnostics[0]).toMatchObject({ data: { key: "maxFileBytes", suggestion: "max-file-bytes" }, at: { line: 2, column: 3 } });
  });

  it("rejects a bad severity, an unknown format shape and paths that leave the root", () => {
    const error = configError(`rules:\n  archive-url: warning\n  parse: off\nclaims: ["../elsewhere/**"]\narticles: "claims/*"\nreports:\n  formats: ["HTML"]\n`);
    const lines = error.diagnostics.map((d) => d.at.line);
    expect(lines).toEqual([2, 3, 4, 5, 7]);
    expect(error.diagnostics[0]!.message).toContain("error, warn, off");
  });

  it("reports YAML syntax errors and duplicate keys at their position", () => {
    expect(configError("rules:\n  archive-url: warn\n  archive-url: off\n").diagnostics[0]).toMatchObject({ messageId: "duplicateKey", at: { line: 3 } });
    expect(configError("rules: [\n").diagnostics[0]!.ruleId).toBe("parse");
  });
});

describe("applyConfig", () => {
  const base = baseOptions("/repo");

  it("maps severities, limits and globs onto the run options without changing the base", () => {
    const options = applyConfig(base, {
      rules: { "archive-url": "warn", "orphan-source": "off", "quote-found": "error" },
      limits: { "max-file-bytes": 10, "max-aliases": 0 },
      sources: ["records/**/*.yaml"],
    });
    expect(options.rules).toEqual({ "archive-url": "warning", "orphan-source": "off", "quote-found": "error" });
    expect(options.limits).toMatchObject({ maxFileBytes: 10, maxAliases: 0, maxDepth: base.limits.maxDepth });
    expect(options.sources).toEqual(["records/**/*.yaml"]);
    expect(options.claims).toEqual(base.claims);
    expect(base.rules).toEqual({});
  });

  it("derives the claims glob from the articles folder unless claims are given", () => {
    expect(applyConfig(base, { articles: "checks/" }).claims).toEqual(["checks/**/*.{yaml,yml}"]);
    expect(applyConfig(base, { articles: "checks", claims: ["x/*.yaml"] }).claims).toEqual(["x/*.yaml"]);
    expect(articlesDir({ articles: "./checks/" })).toBe("checks");
    expect(articlesDir(undefined)).toBe("claims");
  });

  it("finds the folder new sources go in from the first sources glob", () => {
    expect(sourcesDir(["sources/**/*.{yaml,yml}"])).toBe("sources");
    expect(sourcesDir(["data/records/*.yaml"])).toBe("data/records");
    expect(sourcesDir(["data/one.yaml"])).toBe("data");
    expect(sourcesDir(["**/*.yaml"])).toBe(".");
  });
});

describe("the config schema", () => {
  it("lists exactly the registered rules and built-in checks", async () => {
    const schema = JSON.parse(await readFile(new URL("../../schema/config.schema.json", import.meta.url), "utf8")) as {
      properties: { rules: { properties: Record<string, unknown> } };
    };
    const ids = [...rules.map((r) => r.id), ...builtinChecks.map((c) => c.id)].sort();
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(ids);
    expect(knownRuleIds()).toEqual(ids);
  });
});

describe("loadConfig", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-config-"));
    dirs.push(dir);
    return dir;
  };

  it("returns undefined when the root has no configuration file", async () => {
    const dir = await tempDir();
    expect(await loadConfig({ root: dir, cwd: dir })).toBeUndefined();
  });

  it("reads an explicit file relative to the working directory, and fails when it is missing", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "conf"));
    await writeFile(path.join(dir, "conf", "cc.yaml"), "max-warnings: 0\n");
    const loaded = await loadConfig({ root: dir, cwd: dir, explicit: "conf/cc.yaml" });
    expect(loaded).toMatchObject({ display: "conf/cc.yaml", data: { "max-warnings": 0 } });
    await expect(loadConfig({ root: dir, cwd: dir, explicit: "nope.yaml" })).rejects.toThrow(/cannot read configuration file nope.yaml/);
  });
});

describe("the CLI with a configuration file", () => {
  it("exits 2 naming file, line and column for an unknown rule", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      await writeFile(path.join(dir, "claimcheck.config.yaml"), "# settings\nrules:\n  quote-fund: off\n");
      const run = await runCli(["--format", "json"], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('claimcheck.config.yaml:3:3  unknown rule "quote-fund" — did you mean "quote-found"?');
      expect(run.stdout).toBe("");
    } finally {
      await cleanup();
    }
  });

  it("applies rule severities, max-warnings and default formats", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const plain = JSON.parse((await runCli(["--format", "json"], dir)).stdout) as { summary: { warnings: number } };
      expect(plain.summary.warnings).toBeGreaterThan(0);
      await writeFile(
        path.join(dir, "claimcheck.config.yaml"),
        "rules:\n  archive-url: off\n  orphan-source: error\nreports:\n  formats: [json]\n",
      );
      const run = await runCli([], dir);
      const result = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string; severity: string }> };
      expect(result.diagnostics.some((d) => d.ruleId === "archive-url")).toBe(false);
      const orphans = result.diagnostics.filter((d) => d.ruleId === "orphan-source");
      expect(orphans.every((d) => d.severity === "error")).toBe(true);

      await writeFile(path.join(dir, "claimcheck.config.yaml"), "max-warnings: 0\nrules:\n  orphan-source: warn\n");
      const strict = await runCli(["--format", "json"], dir);
      expect(strict.code).toBe(1);
      // The flag overrides the file.
      const lenient = await runCli(["--format", "json", "--max-warnings", "100000"], dir);
      expect(JSON.parse(lenient.stdout).summary.warnings).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  });

  it("lists each rule in the result as the run applied it: off, warning or error", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      await writeFile(path.join(dir, "claimcheck.config.yaml"), "rules:\n  archive-url: off\n  quote-found: warn\n  orphan-source: error\n  schema: warn\n");
      const run = await runCli(["--format", "json"], dir);
      const result = JSON.parse(run.stdout) as { rules: Array<{ id: string; severity: string }> };
      const severity = Object.fromEntries(result.rules.map((r) => [r.id, r.severity]));
      expect(severity).toMatchObject({ "archive-url": "off", "quote-found": "warning", "orphan-source": "error", schema: "warning", parse: "error", "source-exists": "error" });
      await runCli(["--format", `sarif=${path.join(dir, "out.sarif")}`], dir);
      const sarif = JSON.parse(await readFile(path.join(dir, "out.sarif"), "utf8")) as {
        runs: Array<{ tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string; enabled?: boolean } }> } } }>;
      };
      const archive = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === "archive-url");
      expect(archive?.defaultConfiguration).toEqual({ enabled: false, level: "none" });
    } finally {
      await cleanup();
    }
  });

  it("reads claims from the configured articles folder and takes --config", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const { rename } = await import("node:fs/promises");
      await rename(path.join(dir, "claims"), path.join(dir, "fact-checks"));
      await writeFile(path.join(dir, "other.yaml"), "articles: fact-checks\n");
      // Without the configuration nothing is found where claims are looked for: a usage error.
      const without = await runCli(["--format", "json"], dir);
      expect(without.code).toBe(2);
      expect(without.stderr).toContain("no claimcheck project in");
      const withConfig = JSON.parse((await runCli(["--format", "json", "--config", "other.yaml"], dir)).stdout) as { summary: { claims: number } };
      expect(withConfig.summary.claims).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  });
});
