import { readValue } from "../assert/typed.js";
import { dimensionOf, knownUnit } from "../assert/units.js";
import type { Rule } from "./types.js";

/** A value is compared only as the type its property declares; one that does not fit is an error where it stands. */
export const valueTyped: Rule = {
  id: "value-typed",
  description: "Every fact value and assertion literal fits the type its property declares (a number is not quoted, an amount has a unit of the declared dimension).",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    factValue: "{property} is declared {type}: {detail}; this value is not compared",
    literal: "{property} is declared {type}: {detail}; this part is not evaluated",
    completeNeedsList: "complete says a list value is the whole list, but this value is not a list",
    declaration: "property {property}: {detail}",
  },
  check({ index, summaries, report }) {
    const registry = index.registry;
    if (registry) {
      for (const [id, property] of registry.properties) {
        const at = { doc: registry.doc, path: ["properties", id] };
        if (property.type === "quantity" && property.dimension === undefined) {
          report({ messageId: "declaration", data: { property: id, detail: "a quantity declares its dimension (mass, length, duration, money, count …)" }, at });
        }
        if (property.type !== "quantity" && (property.dimension !== undefined || property.unit !== undefined)) {
          report({ messageId: "declaration", data: { property: id, detail: "dimension and unit belong to a property of type quantity" }, at });
        }
        if (property.unit !== undefined && (!knownUnit(property.unit) || dimensionOf(property.unit) !== property.dimension)) {
          report({ messageId: "declaration", data: { property: id, detail: `unit "${property.unit}" is not a unit of ${property.dimension ?? "its dimension"}` }, at: { ...at, path: [...at.path, "unit"] } });
        }
      }
    }
    for (const source of index.sourceList) {
      for (const fact of source.facts) {
        if (fact.shape !== "statement") continue;
        const base = ["facts", fact.index];
        const property = registry?.properties.get(fact.record.property!);
        if (fact.record.complete !== undefined && !Array.isArray(fact.record.value)) {
          report({ messageId: "completeNeedsList", at: { doc: source.doc, path: [...base, "complete"], key: true } });
        }
        if (!property) continue; // undeclared: entity-declared reports it
        const read = readValue(fact.record.value, property, { year: fact.time?.year });
        if ("problem" in read) {
          report({
            messageId: "factValue",
            data: { property: fact.record.property!, type: describeType(property.type, property.multiple), detail: read.problem },
            at: { doc: source.doc, path: [...base, "value"] },
          });
        }
      }
    }
    for (const claim of index.claims) {
      const summary = summaries.get(claim.id);
      if (!summary || summary.claimId !== claim.id) continue;
      for (const problem of summary.problems) {
        if (problem.kind !== "bad-literal") continue;
        const property = registry?.properties.get(problem.property);
        report({
          messageId: "literal",
          data: { property: problem.property, type: property ? describeType(property.type, property.multiple) : "untyped", detail: problem.detail },
          at: { doc: claim.doc, path: problem.path },
        });
      }
    }
  },
};

function describeType(type: string, multiple?: boolean): string {
  return multiple ? `${type} (several values)` : type;
}
