/**
 * The shape of the source tree: no import cycles, and imports go one way, down the layers
 * docs/design.md ("Architecture") describes. Our own code, so a scan of import specifiers is
 * enough: every relative `import … from`, `export … from` and `import()` counts, type-only
 * imports included (a cycle of types is still a cycle for the reader).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/**
 * The layers, bottom first. A module may import its own layer and those below it, never one
 * above. A layer is named by the folders (or top-level files) directly under src/.
 */
const LAYERS: Array<{ name: string; members: string[] }> = [
  { name: "ground", members: ["errors.ts", "model", "options", "paths", "time", "text", "async"] },
  { name: "formats and helpers", members: ["reporters", "page", "edit", "scaffold", "git"] },
  { name: "load", members: ["load", "schema", "cache"] },
  { name: "project index", members: ["project"] },
  { name: "rules and assertions", members: ["assert", "grounding", "rules"] },
  { name: "engine and features", members: ["engine", "config", "changed", "shard", "migrate", "net", "capture", "recheck"] },
  { name: "cli and entry points", members: ["cli", "cli.ts", "index.ts", "vitest.ts"] },
];

type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g;

/** Each file (relative to src/) with the files it imports. */
function importGraph(): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(SPECIFIER)].map((m) => {
      const resolved = path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, ".ts");
      return path.relative(SRC, resolved).split(path.sep).join("/");
    });
    graph.set(path.relative(SRC, file).split(path.sep).join("/"), [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function layerOf(file: string): number {
  const top = file.split("/")[0]!;
  const layer = LAYERS.findIndex((l) => l.members.includes(top));
  return layer;
}

describe("the import graph", () => {
  const graph = importGraph();

  it("sees the source tree (the scan is not empty)", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get("cli/main.ts")).toContain("cli/commands/check.ts");
    expect(graph.get("engine/run.ts")).toContain("load/load-files.ts");
  });

  it("finds a cycle where there is one, and none where there is none", () => {
    expect(findCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(findCycles(new Map([["a", ["a"]]]))).toEqual([["a"]]);
    expect(findCycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("puts every folder of src/ in a layer", () => {
    const tops = new Set([...graph.keys()].map((f) => f.split("/")[0]!));
    expect([...tops].filter((t) => layerOf(t) < 0)).toEqual([]);
  });

  it("imports only downwards: nothing low imports anything high", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (!graph.has(target)) continue;
        if (layerOf(target) > layerOf(file)) upward.push(`${file} (${LAYERS[layerOf(file)]!.name}) → ${target} (${LAYERS[layerOf(target)]!.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("keeps the library entry point free of the command line", () => {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk("index.ts");
    expect([...reached].filter((f) => f.startsWith("cli/"))).toEqual([]);
  });
});
