import { dateReferences, type PartModule } from "./part.js";
import { evaluatePrevious } from "./previous.js";

export const firstSince: PartModule<"first-since"> = {
  kind: "first-since",
  description: "The event is the first of its kind since a year (the previous one fell in it) or since an event.",
  example: 'first-since: { event: bakanov-duffy-2025, kind: heads-meeting, since: "2018" }',
  evaluate: (spec, path, scope) => evaluatePrevious("first-since", spec, path, scope),
  references: (spec, path) => [
    { kind: "event", id: spec.event, path: [...path, "event"] },
    { kind: "event-kind", id: spec.kind, path: [...path, "kind"] },
    ...dateReferences(typeof spec.since === "object" ? spec.since : undefined, [...path, "since"]),
  ],
};
