import type { ClaimResult } from "../model/result.js";
import { wholeReport } from "./stream.js";
import type { StreamReporter } from "./types.js";

/** `JSON.stringify(value, null, 2)` of a value nested `depth` levels into the document. */
function nested(value: unknown, depth: number): string {
  // JSON strings never hold a raw line break, so every one is a line of the layout.
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
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
  const before = members.slice(0, at).map(member);
  const after = members.slice(at + 1).map(member);
  let count = 0;
  return {
    *head() {
      yield "{\n";
      for (const text of before) yield `${text},\n`;
      yield `  "claims": [`;
    },
    claim(claim: ClaimResult) {
      return `${count++ === 0 ? "\n    " : ",\n    "}${nested(claim, 2)}`;
    },
    *tail() {
      yield count === 0 ? "]" : "\n  ]";
      for (const text of after) yield `,\n${text}`;
      yield "\n}\n";
    },
  };
};

export const json = wholeReport(jsonStream, { sorted: false });
