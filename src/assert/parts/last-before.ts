import type { PartModule } from "./part.js";
import { evaluatePrevious } from "./previous.js";

export const lastBefore: PartModule<"last-before"> = {
  kind: "last-before",
  description: "The event is the last of its kind before another event.",
  example: "last-before: { event: rogozin-bridenstine-2018, kind: heads-meeting, before: { event: bakanov-duffy-2025 } }",
  evaluate: (spec, path, scope) => evaluatePrevious("last-before", spec, path, scope),
  references: (spec, path) => [
    { kind: "event", id: spec.event, path: [...path, "event"] },
    { kind: "event-kind", id: spec.kind, path: [...path, "kind"] },
    { kind: "selector", selector: spec.before, path: [...path, "before"] },
  ],
};
