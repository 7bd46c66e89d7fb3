import { agree, readLiteral } from "../assert/typed.js";
import { sameValue, showValue } from "../assert/values.js";
import type { DocPath } from "../model/position.js";
import type { AssertLiteral, AssertPart, Claim } from "../project/types.js";
import type { Rule } from "./types.js";

interface Held {
  claim: Claim;
  subject: string;
  property: string;
  value: AssertLiteral;
  path: DocPath;
}

/** `value … equals` parts that a claim holds to be true: its verdict or the part's expectation says supported. */
function heldValues(claim: Claim): Held[] {
  const out: Held[] = [];
  const walk = (part: AssertPart | undefined, path: DocPath, inherited: string | undefined) => {
    if (!part) return;
    const expected = part.expect ?? inherited;
    part.all?.forEach((p, i) => walk(p, [...path, "all", i], expected === "mixed" ? undefined : expected));
    const v = part.value;
    const subject = v?.subject ?? v?.event;
    if (v && subject && v.property && v.equals !== undefined && expected === "supported") {
      out.push({ claim, subject, property: v.property, value: v.equals, path: [...path, "value", "equals"] });
    }
  };
  walk(claim.data.assert, ["assert"], claim.data.verdict);
  return out;
}

/** Two claims may not both hold incompatible values for the same subject and property. */
export const claimContradiction: Rule = {
  id: "claim-contradiction",
  description: "No two claims hold different values true for the same subject and property.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    contradiction: '{subject} {property}: this claim holds {value}, but claim "{otherClaim}" holds {otherValue}',
    otherSide: 'claim "{claim}" holds {value} here',
  },
  check({ index, report }) {
    const firstByKey = new Map<string, Held>();
    for (const claim of index.claims) {
      for (const held of heldValues(claim)) {
        const key = `${held.subject}\u0000${held.property}`;
        const first = firstByKey.get(key);
        if (!first) {
          firstByKey.set(key, held);
          continue;
        }
        if (first.claim === claim || compatible(first.value, held.value)) continue;
        report({
          messageId: "contradiction",
          data: {
            subject: held.subject,
            property: held.property,
            value: showValue(held.value),
            otherClaim: first.claim.id,
            otherValue: showValue(first.value),
          },
          at: { doc: claim.doc, path: held.path },
          related: [{ messageId: "otherSide", data: { claim: first.claim.id, value: showValue(first.value) }, at: { doc: first.claim.doc, path: first.path } }],
        });
      }
    }
  },
};

/** Two held values are compatible when they are the same, or amounts that can be equal (420 t and 420,000 kg). */
function compatible(a: AssertLiteral, b: AssertLiteral): boolean {
  if (typeof a !== "object" && typeof b !== "object") return sameValue(a, b);
  const x = readLiteral(a, undefined, undefined);
  const y = readLiteral(b, undefined, undefined);
  return "typed" in x && "typed" in y ? agree(x.typed, y.typed) : sameValue(a, b);
}
