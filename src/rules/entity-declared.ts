import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import type { AssertPart, FactSelector } from "../project/types.js";
import { didYouMean } from "../text/suggest.js";
import type { Rule } from "./types.js";

/** Built-in properties that every event has; they need no declaration. */
const EVENT_PROPERTIES = new Set(["kind", "date", "place", "participants"]);

/** Every subject, event and property id is declared in the registry: a typo must never hide a fact. */
export const entityDeclared: Rule = {
  id: "entity-declared",
  description: "Every entity, event and property a fact or assertion names is declared in the entity registry.",
  defaultSeverity: "error",
  messages: {
    noRegistry: "facts name entities, but there is no entity registry (sources/entities.yaml)",
    undeclaredEntity: 'entity "{id}" is not declared in the entity registry{hint}',
    undeclaredProperty: 'property "{id}" is not declared in the entity registry{hint}',
    notAnEvent: 'entity "{id}" is declared as a {type}, not an event',
  },
  check({ index, report }) {
    const registry = index.registry;
    if (!registry) {
      if (index.registryBroken) return; // the registry's own diagnostics say why
      const first = index.sourceList.find((s) => s.facts.length > 0);
      if (first) report({ messageId: "noRegistry", at: { doc: first.doc, path: ["facts"], key: true } });
      return;
    }
    const entityIds = [...registry.entities.keys()];
    const propertyIds = [...registry.properties.keys(), ...EVENT_PROPERTIES];
    const hint = (id: string, candidates: string[]) => {
      const suggestion = didYouMean(id, candidates);
      return { suggestion, hint: suggestion ? ` — did you mean "${suggestion}"?` : "" };
    };
    const entity = (doc: LoadedDoc, path: DocPath, id: string | undefined, mustBeEvent = false) => {
      if (id === undefined) return;
      const declared = registry.entities.get(id);
      if (!declared) {
        report({ messageId: "undeclaredEntity", data: { id, ...hint(id, entityIds) }, at: { doc, path } });
      } else if (mustBeEvent && declared.type !== "event") {
        report({ messageId: "notAnEvent", data: { id, type: declared.type }, at: { doc, path } });
      }
    };
    const property = (doc: LoadedDoc, path: DocPath, id: string | undefined) => {
      if (id === undefined || EVENT_PROPERTIES.has(id) || registry.properties.has(id)) return;
      report({ messageId: "undeclaredProperty", data: { id, ...hint(id, propertyIds) }, at: { doc, path } });
    };

    for (const source of index.sourceList) {
      for (const fact of source.facts) {
        const base: DocPath = ["facts", fact.index];
        const r = fact.record;
        entity(source.doc, [...base, "subject"], r.subject);
        property(source.doc, [...base, "property"], r.property);
        entity(source.doc, [...base, "event"], r.event, true);
        entity(source.doc, [...base, "place"], r.place);
        (r.participants ?? []).forEach((p, i) => entity(source.doc, [...base, "participants", i], p));
        if (r.property && registry.properties.get(r.property)?.type === "entity" && typeof r.value === "string") {
          entity(source.doc, [...base, "value"], r.value);
        }
      }
    }

    const selector = (doc: LoadedDoc, path: DocPath, s: FactSelector | undefined) => {
      if (!s || typeof s !== "object") return;
      entity(doc, [...path, "subject"], s.subject);
      entity(doc, [...path, "event"], s.event, true);
      property(doc, [...path, "property"], s.property);
    };
    const walk = (doc: LoadedDoc, part: AssertPart | undefined, path: DocPath) => {
      if (!part) return;
      part.all?.forEach((p, i) => walk(doc, p, [...path, "all", i]));
      part.any?.forEach((p, i) => walk(doc, p, [...path, "any", i]));
      selector(doc, [...path, "value"], part.value);
      if (part.compare) {
        selector(doc, [...path, "compare", "left"], part.compare.left);
        selector(doc, [...path, "compare", "right"], part.compare.right);
      }
      if (part.date) {
        selector(doc, [...path, "date"], part.date);
        for (const key of ["before", "after"] as const) {
          const ref = part.date[key];
          if (typeof ref === "object") selector(doc, [...path, "date", key], ref);
        }
        if (typeof part.date.within?.of === "object") selector(doc, [...path, "date", "within", "of"], part.date.within.of);
        if (part.date.anniversary) selector(doc, [...path, "date", "anniversary", "of"], part.date.anniversary.of);
      }
      entity(doc, [...path, "first-since", "event"], part["first-since"]?.event, true);
      entity(doc, [...path, "last-before", "event"], part["last-before"]?.event, true);
      selector(doc, [...path, "last-before", "before"], part["last-before"]?.before);
    };
    for (const claim of index.claims) walk(claim.doc, claim.data.assert, ["assert"]);
  },
};
