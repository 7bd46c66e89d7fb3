import type { PartModule } from "./part.js";
import { evaluateGroup } from "./group.js";

export const any: PartModule<"any"> = {
  kind: "any",
  description: "Several readings of a claim, one of which must hold.",
  example: "any:\n  - { value: { subject: iss, property: crew-size, equals: 3 } }\n  - { value: { subject: iss, property: crew-size, equals: 4 } }",
  evaluate: (parts, path, scope) => evaluateGroup("any", parts, path, scope),
  references: () => [],
};
