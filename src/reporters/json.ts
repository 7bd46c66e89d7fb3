import type { ClaimResult } from "../model/result.js";
import { wholeReport } from "./stream.js";
import type { StreamReporter } from "./types.js";

/**
 * `JSON.stringify(value, null, 2)` of a value nested `depth` levels into the document. The
 * value is written inside `depth` one-element arrays, so JSON.stringify indents it as deep
 * as it stands, and the arrays' brackets are cut off again: one native call, no second pass
 * over the text to indent it.
 */
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each array opens with "[" and a line break and an indent, and closes with a line break, an indent and "]".
  let head = 0;
  let tail = 0;
  for (let i = 0; i < depth; i++) {
    head += 2 + 2 * i + 2;
    tail += 1 + 2 * i + 1;
  }
  return text.slice(head, text.length - tail);
}

/**
 * The result document itself, as published in `schema/result.schema.json`, written claim by
 * claim: byte for byte `JSON.stringify(result, null, 2)` and a line break, without ever
 * holding the whole string (test/reporters/json-stream.test.ts).
 */
export const jsonStream: StreamReporter = (doc) => {
  // The members JSON.stringify would write, in the document's key order, around `claims`.
  const members = Object.entries(doc.head).filter(([, value]) => value !== undefined && typeof value !== "function" && typeof value !== "symbol");
  const at = members.findIndex(([key]) => key === "claims");
  const member = ([key, value]: [string, unknown]) => `  ${JSON.stringify(key)}: ${nested(value, 1)}`;
  // Each member's text is made as it is written, and not held while the claims pass.
  const before = members.slice(0, at);
  const after = members.slice(at + 1);
  let count = 0;
  return {
    *head() {
      yield "{\n";
      for (const entry of before) yield `${member(entry)},\n`;
      yield `  "claims": [`;
    },
    claim(claim: ClaimResult) {
      return `${count++ === 0 ? "\n    " : ",\n    "}${nested(claim, 2)}`;
    },
    *tail() {
      yield count === 0 ? "]" : "\n  ]";
      for (const entry of after) yield `,\n${member(entry)}`;
      yield "\n}\n";
    },
  };
};

export const json = wholeReport(jsonStream, { sorted: false });
