import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ucs2length = (require("ajv/dist/runtime/ucs2length.js") as { default: (text: string) => number }).default;

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A string's length in code points, as JSON Schema's minLength and maxLength count it: ajv's
 * own count (a loop in JavaScript over every character) only for text that holds a surrogate,
 * the UTF-16 length for the rest, found by one native scan. Excerpts and quotes are checked
 * against their limits on every run, and almost none holds a character outside the BMP.
 */
export function codePointLength(text: string): number {
  return SURROGATE.test(text) ? ucs2length(text) : text.length;
}
