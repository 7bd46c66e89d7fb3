/**
 * The example configuration in docs/configuration.md is a real one: it loads and validates,
 * so a key the page shows cannot be a key the schema rejects.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.js";
import { REPO_ROOT } from "../helpers/cli.js";

describe("docs/configuration.md", () => {
  it("shows a configuration that validates, with every top-level key of the schema", async () => {
    const markdown = await readFile(path.join(REPO_ROOT, "docs/configuration.md"), "utf8");
    const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const config = parseConfig("docs/configuration.md", new TextEncoder().encode(example));
    const schema = JSON.parse(await readFile(path.join(REPO_ROOT, "schema/config.schema.json"), "utf8")) as { properties: Record<string, unknown> };
    expect(Object.keys(config).sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
