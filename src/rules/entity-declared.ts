import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import type { AssertPart, FactSelector } from "../project/types.js";
import { partModules } from "../assert/parts/index.js";
import { didYouMean } from "../text/suggest.js";
import type { Rule } from "./types.js";

/** Built-in properties that every event has; they need no declaration. */
const EVENT_PROPERTIES = new Set(["kind", "date", "place", "participants"]);

/** Every subject, event and property id is declared in the registry: a typo must never hide a fact. */
export const entityDeclared: Rule = {
  id: "entity-declared",
  description: "Every entity, event, event kind and property a fact or assertion names is declared in the entity registry.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    noRegistry: "facts name entities, but there is no entity registry (sources/entities.yaml)",
    undeclaredEntity: 'entity "{id}" is not declared in the entity registry{hint}',
    undeclaredProperty: 'property "{id}" is not declared in the entity registry{hint}',
    notAnEvent: 'entity "{id}" is declared as a {type}, not an event',
    undeclaredKind: 'event kind "{id}" is not declared in the entity registry (kinds:){hint}',
    unknownKind: 'no event in the sources is of kind "{id}"{hint}',
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

    // Event kinds: those the registry declares, or, for a registry older than `kinds:`, those facts use.
    const kindsUsed = new Set(index.sourceList.flatMap((s) => s.facts.flatMap((f) => (f.record.kind !== undefined ? [f.record.kind] : []))));
    // A source that failed its schema still tells which kinds it uses: its own errors are the finding.
    for (const broken of index.invalidSources.values()) {
      const facts = (broken.data as { facts?: unknown } | undefined)?.facts;
      if (Array.isArray(facts)) for (const f of facts) if (typeof (f as { kind?: unknown })?.kind === "string") kindsUsed.add((f as { kind: string }).kind);
    }
    const kindIds = registry.kinds ? [...registry.kinds.keys()] : [...kindsUsed].sort();
    const kind = (doc: LoadedDoc, path: DocPath, id: string) => {
      if (kindIds.includes(id)) return;
      report({ messageId: registry.kinds ? "undeclaredKind" : "unknownKind", data: { id, ...hint(id, kindIds) }, at: { doc, path } });
    };
    if (registry.kinds) {
      for (const source of index.sourceList) {
        for (const fact of source.facts) if (fact.record.kind !== undefined) kind(source.doc, ["facts", fact.index, "kind"], fact.record.kind);
      }
    }
    const selector = (doc: LoadedDoc, path: DocPath, s: FactSelector | undefined) => {
      if (!s || typeof s !== "object") return;
      entity(doc, [...path, "subject"], s.subject);
      entity(doc, [...path, "event"], s.event, true);
      property(doc, [...path, "property"], s.property);
    };
    /** The property a selector reads, for a literal compared with it. */
    const propertyOfSelector = (s: FactSelector): string | undefined => {
      if (s.property !== undefined) return s.property;
      if (s.fact === undefined) return undefined;
      const [sourceId, factId] = s.fact.split("#");
      return index.sources.get(sourceId!)?.facts.find((f) => f.id === factId)?.record.property;
    };
    const walk = (doc: LoadedDoc, part: AssertPart | undefined, path: DocPath) => {
      if (!part || typeof part !== "object") return;
      part.all?.forEach((p, i) => walk(doc, p, [...path, "all", i]));
      part.any?.forEach((p, i) => walk(doc, p, [...path, "any", i]));
      for (const module of partModules) {
        const spec = (part as Record<string, unknown>)[module.kind];
        if (spec === undefined || module.kind === "all" || module.kind === "any") continue;
        for (const ref of module.references(spec as never, [...path, module.kind])) {
          switch (ref.kind) {
            case "selector":
              selector(doc, ref.path, ref.selector);
              break;
            case "date":
              if (typeof ref.ref === "object") selector(doc, ref.path, ref.ref);
              break;
            case "event":
              entity(doc, ref.path, ref.id, true);
              break;
            case "event-kind":
              kind(doc, ref.path, ref.id);
              break;
            case "literal": {
              const prop = ref.property ?? propertyOfSelector(ref.selector);
              const declared = prop === undefined ? undefined : prop === "participants" || prop === "place" ? "entity" : registry.properties.get(prop)?.type;
              if (declared === "entity" && typeof ref.value === "string") entity(doc, ref.path, ref.value);
              break;
            }
          }
        }
      }
    };
    for (const claim of index.claims) walk(claim.doc, claim.data.assert, ["assert"]);
  },
};
