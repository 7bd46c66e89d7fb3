import { evaluateClaim, type Evaluation } from "../../src/assert/evaluate.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import { buildIndex } from "../../src/project/build.js";
import type { ValidDoc } from "../../src/load/loaded-file.js";
import type { ProjectIndex } from "../../src/project/types.js";

function doc(file: string, text: string) {
  const outcome = loadYaml(file, new TextEncoder().encode(text));
  if (!outcome.ok) throw new Error(`${file}: ${outcome.diagnostics.map((d) => d.message).join("; ")}`);
  return outcome.doc;
}

/** Builds an index from YAML texts (no schema check: tests give well-formed data). */
export function makeIndex(sources: Record<string, string>, claims: Record<string, string> = {}, registry?: string): ProjectIndex {
  const docs: ValidDoc[] = [
    ...(registry === undefined ? [] : [{ kind: "entities", doc: doc("sources/entities.yaml", registry) } as ValidDoc]),
    ...Object.entries(sources).map(([id, text]): ValidDoc => ({ kind: "source", doc: doc(`sources/${id}.yaml`, `id: ${id}\n${text}`) })),
    ...Object.entries(claims).map(([id, text]): ValidDoc => ({ kind: "claim", doc: doc(`claims/a/${id}.yaml`, `id: ${id}\n${text}`), article: "a" })),
  ];
  return buildIndex({ docs, registryBroken: false, today: { year: 2026, month: 1, day: 1, precision: "day" } });
}

/** Evaluates one claim whose assert is given as YAML, citing the named sources. */
export function evaluate(sources: Record<string, string>, assert: string, options: { cite?: string[]; asOf?: string; registry?: string } = {}): Evaluation {
  const cite = options.cite ?? Object.keys(sources);
  const claim = [
    `as-of: "${options.asOf ?? "2025-08-03"}"`,
    "citations:",
    ...cite.map((s) => `  - { source: ${s}, quote: q }`),
    "assert:",
    ...assert.split("\n").map((l) => `  ${l}`),
  ].join("\n");
  const index = makeIndex(sources, { c: claim }, options.registry);
  const evaluation = evaluateClaim(index.claims[0]!, index);
  if (!evaluation) throw new Error("no evaluation");
  return evaluation;
}

/** A source text with the given facts (YAML list items, indented by two spaces). */
export function source(facts: string, issued = "2025-07-01"): string {
  return `issued: "${issued}"\nexcerpts: [{ id: e, text: the excerpt }]\nfacts:\n${facts}`;
}
