import type { PartModule } from "./part.js";
import { evaluateGroup } from "./group.js";

export const all: PartModule<"all"> = {
  kind: "all",
  description: "A claim of several parts: its parts' verdict when they agree, mixed when they do not.",
  example: "all:\n  - { value: { subject: iss, property: crew-size, equals: 3 } }\n  - { date: { event: expedition-1-launch, in: \"2000\" } }",
  evaluate: (parts, path, scope) => evaluateGroup("all", parts, path, scope),
  references: () => [],
};
