/**
 * A fast parser for the plain, block-style YAML that claim and source files are written in.
 *
 * Parsing with `yaml`'s parseDocument was nearly all the cost of a run (see
 * docs/performance.md). This parser reads a strict subset of YAML in one pass and produces
 * the same data as `yaml` (core schema, as src/load/yaml-load.ts configures it) together with
 * the same node ranges, so positions stay exact. Whatever it does not understand — anchors,
 * tags, tabs, CR line ends, indented comment lines, multi-line plain or quoted scalars,
 * explicit keys, numeric or quoted keys, duplicate keys, over-limit documents, anything
 * unusual — it gives up on, and the caller parses the file with `yaml` instead. Giving up is
 * always safe; accepting something `yaml` reads differently is a bug, which
 * test/load/differential*.test.ts hunts for on every YAML file in the repository and on
 * generated documents.
 *
 * Ranges follow `yaml`'s conventions: a node's range is [start, end), where the end of a
 * scalar is the end of its text and the end of a block collection is the end of its last
 * item including that item's trailing comment and line break.
 */

/** The outcome of a fast parse. */
export interface FastDocument {
  /** The document's data: a map at the root. */
  data: Record<string, unknown>;
  /**
   * One record of NODE_FIELDS numbers per value node, in document order (a collection
   * before its items): start offset, end offset (UTF-16 code units, end exclusive), the
   * key's start offset (-1 for the root and sequence items) and the number of records in
   * the node's subtree, itself included.
   */
  nodes: Int32Array;
}

export const NODE_FIELDS = 4;

export interface FastLimits {
  maxNodes: number;
  maxDepth: number;
}

/** Thrown inside the parser to give up; never escapes parseFastYaml. */
const GIVE_UP = Symbol("give up");

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/** Characters a key may hold: the ids and field names of our schemas, and a little more. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e // .
  );
}

function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

// The core schema's plain-scalar resolution, as `yaml` 2 does it (yaml/dist/schema/core).
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Quick screen: only strings starting with one of these can be anything but a string. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

/** Resolves a plain scalar under the core schema, exactly as `yaml` does (intAsBigInt off). */
export function resolvePlain(source: string): unknown {
  if (source === "" || !MAYBE_NOT_STRING.test(source)) return source === "" ? null : source;
  if (CORE_NULL.test(source)) return null;
  if (CORE_BOOL.test(source)) return source[0] === "t" || source[0] === "T";
  if (CORE_INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (CORE_INT.test(source)) return parseInt(source, 10);
  if (CORE_INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (CORE_FLOAT_NAN.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? NaN : source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (CORE_FLOAT_EXP.test(source) || CORE_FLOAT.test(source)) return parseFloat(source);
  return source;
}

/** Whether a character may never appear in a document we accept. */
function isRefused(c: number): boolean {
  if (c < 0x20) return c !== NEWLINE; // tabs, CR and control characters
  if (c < 0x7f) return false;
  return (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0xfffe || c === 0xffff;
}

/** Whether the text holds only characters we accept, with every surrogate paired. */
function screen(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20 && c !== NEWLINE) return false;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (isRefused(c)) return false;
  }
  return true;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

class FastParser {
  private pos = 0;
  private readonly len: number;
  private records: number[] = [];
  private valueNodes = 0;

  constructor(
    private readonly text: string,
    private readonly limits: FastLimits,
  ) {
    this.len = text.length;
  }

  parse(): FastDocument {
    const first = this.nextContentLine(0);
    if (first >= this.len) throw GIVE_UP;
    if (this.text.charCodeAt(first) === SPACE) throw GIVE_UP; // an indented root
    this.pos = first;
    if (!this.atKey()) throw GIVE_UP; // the root must be a map
    const { value } = this.blockMap(0, 0, -1);
    if (this.pos < this.len) throw GIVE_UP;
    return { data: value as Record<string, unknown>, nodes: Int32Array.from(this.records) };
  }

  // ---- nodes -------------------------------------------------------------------------

  /** Reserves a node record; fills in its subtree size when the subtree is done. */
  private open(depth: number, keyStart: number): number {
    if (++this.valueNodes > this.limits.maxNodes || depth > this.limits.maxDepth) throw GIVE_UP;
    const index = this.records.length;
    this.records.push(0, 0, keyStart, 0);
    return index;
  }

  private close(index: number, start: number, end: number): void {
    this.records[index] = start;
    this.records[index + 1] = end;
    this.records[index + 3] = (this.records.length - index) / 4;
  }

  private leaf(depth: number, keyStart: number, start: number, end: number): void {
    const index = this.open(depth, keyStart);
    this.records[index] = start;
    this.records[index + 1] = end;
    this.records[index + 3] = 1;
  }

  // ---- lines -------------------------------------------------------------------------

  /** Offset just past the line break that ends the line holding `at` (or the end of text). */
  private lineEnd(at: number): number {
    const nl = this.text.indexOf("\n", at);
    return nl < 0 ? this.len : nl + 1;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /**
   * From a line start, skips empty lines and comment lines; returns the start of the next line
   * with content, or the end of the text. `yaml` stretches the range of a node that ends just
   * before a comment over that comment when the comment is indented into the node; so a
   * comment is accepted only where it is indented no deeper than the line that follows it
   * (then only a collection that goes on can take it, which changes no reported range).
   * Gives up on deeper comments, whitespace-only lines, document markers and directives.
   */
  private nextContentLine(from: number): number {
    let at = from;
    let deepestComment = 0;
    while (at < this.len) {
      const c = this.text.charCodeAt(at);
      if (c === NEWLINE) {
        at++;
        continue;
      }
      if (c === HASH) {
        at = this.lineEnd(at);
        continue;
      }
      if (c === SPACE) {
        const indent = this.indentAt(at);
        const d = this.text.charCodeAt(at + indent);
        if (at + indent >= this.len || d === NEWLINE) throw GIVE_UP;
        if (d === HASH) {
          if (indent > deepestComment) deepestComment = indent;
          at = this.lineEnd(at + indent);
          continue;
        }
        if (deepestComment > indent) throw GIVE_UP;
        return at;
      }
      if (deepestComment > 0) throw GIVE_UP;
      if (c === 0x25 /* % */) throw GIVE_UP;
      if ((c === DASH || c === 0x2e) && this.text.startsWith(c === DASH ? "---" : "...", at)) {
        const after = this.text.charCodeAt(at + 3);
        if (at + 3 >= this.len || after === SPACE || after === NEWLINE) throw GIVE_UP;
      }
      return at;
    }
    if (deepestComment > 0) throw GIVE_UP;
    return this.len;
  }

  /**
   * After a value's text: spaces, then an optional comment, then the line break. Returns the
   * offset just past the line (the node's end with trailing comment, as `yaml` counts it).
   */
  private restOfLine(at: number): number {
    let i = at;
    while (this.text.charCodeAt(i) === SPACE) i++;
    if (i >= this.len) return this.len;
    const c = this.text.charCodeAt(i);
    if (c === NEWLINE) return i + 1;
    if (c === HASH && i > at) return this.lineEnd(i);
    throw GIVE_UP;
  }

  // ---- keys --------------------------------------------------------------------------

  /** Whether a plain key and ": " (or ":" at the end of the line) start at pos. */
  private atKey(): boolean {
    let i = this.pos;
    if (!isKeyStart(this.text.charCodeAt(i))) return false;
    while (isKeyChar(this.text.charCodeAt(i))) i++;
    if (this.text.charCodeAt(i) !== COLON) return false;
    const after = this.text.charCodeAt(i + 1);
    return i + 1 >= this.len || after === SPACE || after === NEWLINE;
  }

  /** Reads a key at pos (atKey() was true); leaves pos just past the colon. */
  private key(): string {
    const start = this.pos;
    let i = start;
    while (isKeyChar(this.text.charCodeAt(i))) i++;
    const key = this.text.slice(start, i);
    if (key.length > 1000 || FORBIDDEN_KEYS.has(key) || typeof resolvePlain(key) !== "string") throw GIVE_UP;
    this.pos = i + 1;
    return key;
  }

  // ---- block collections ---------------------------------------------------------------

  /** A block map whose first key is at pos, in column `indent`. Returns its value and end. */
  private blockMap(indent: number, depth: number, keyStart: number): { value: unknown; end: number } {
    const index = this.open(depth, keyStart);
    const start = this.pos;
    const map: Record<string, unknown> = {};
    let end = start;
    for (;;) {
      const at = this.pos;
      const key = this.key();
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      const child = this.value(indent, depth + 1, at, false);
      map[key] = child.value;
      end = child.end;
      const next = this.nextContentLine(this.pos);
      if (next >= this.len) {
        this.pos = this.len;
        break;
      }
      const nextIndent = this.indentAt(next);
      if (nextIndent < indent) {
        this.pos = next;
        break;
      }
      if (nextIndent > indent) throw GIVE_UP;
      this.pos = next + nextIndent;
      if (!this.atKey()) throw GIVE_UP;
    }
    this.close(index, start, end);
    return { value: map, end };
  }

  /** A block sequence whose first "-" is at pos, in column `indent`. */
  private blockSeq(indent: number, depth: number, keyStart: number): { value: unknown; end: number } {
    const index = this.open(depth, keyStart);
    const start = this.pos;
    const items: unknown[] = [];
    let end = start;
    for (;;) {
      this.pos++; // the "-"
      const item = this.value(indent, depth + 1, -1, true);
      items.push(item.value);
      end = item.end;
      const next = this.nextContentLine(this.pos);
      if (next >= this.len) {
        this.pos = this.len;
        break;
      }
      const nextIndent = this.indentAt(next);
      if (nextIndent > indent) throw GIVE_UP;
      if (nextIndent < indent || !this.atDash(next + nextIndent)) {
        this.pos = next;
        break;
      }
      this.pos = next + nextIndent;
    }
    this.close(index, start, end);
    return { value: items, end };
  }

  /** Whether a sequence entry indicator ("- " or "-" at the end of a line) is at `at`. */
  private atDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const after = this.text.charCodeAt(at + 1);
    return at + 1 >= this.len || after === SPACE || after === NEWLINE;
  }

  // ---- values ------------------------------------------------------------------------

  /**
   * The value after a key's colon or a sequence's dash (pos just past it). `parentIndent` is
   * the column of the map's keys or of the sequence's dashes. Leaves pos at the start of the
   * line after the value.
   */
  private value(parentIndent: number, depth: number, keyStart: number, inSeq: boolean): { value: unknown; end: number } {
    let i = this.pos;
    while (this.text.charCodeAt(i) === SPACE) i++;
    const c = i < this.len ? this.text.charCodeAt(i) : NEWLINE;
    if (c === NEWLINE || (c === HASH && i > this.pos)) {
      // Nothing on this line: a collection below, or an empty value.
      const lineEnd = this.lineEnd(i);
      const commented = c === HASH;
      const next = this.nextContentLine(lineEnd);
      if (next < this.len) {
        const nextIndent = this.indentAt(next);
        const content = next + nextIndent;
        if (nextIndent > parentIndent) {
          this.pos = content;
          if (this.atDash(content)) return this.blockSeq(nextIndent, depth, keyStart);
          if (this.atKey()) return this.blockMap(nextIndent, depth, keyStart);
          throw GIVE_UP; // a scalar on the next line, or something stranger
        }
        if (nextIndent === parentIndent && !inSeq && this.atDash(content)) {
          this.pos = content;
          return this.blockSeq(nextIndent, depth, keyStart);
        }
      }
      // `yaml` stretches an empty value's range over its comment, over comment lines after
      // it, and over the next line's indentation; rare enough to leave to it.
      if (commented || this.text.slice(lineEnd, next).includes("#")) throw GIVE_UP;
      this.leaf(depth, keyStart, i, i);
      this.pos = lineEnd;
      return { value: null, end: i };
    }
    this.pos = i;
    if (inSeq) {
      if (this.atDash(i)) throw GIVE_UP; // "- - x"
      if (this.atKey()) return this.blockMap(i - this.lineStartOf(i), depth, keyStart);
    }
    switch (c) {
      case 0x22 /* " */:
        return this.inlineEnd(this.doubleQuoted(depth, keyStart));
      case 0x27 /* ' */:
        return this.inlineEnd(this.singleQuoted(depth, keyStart));
      case 0x5b /* [ */:
        return this.inlineEnd(this.flowSeq(depth, keyStart));
      case 0x7b /* { */:
        return this.inlineEnd(this.flowMap(depth, keyStart));
      case 0x7c /* | */:
      case 0x3e /* > */:
        return this.blockScalar(parentIndent, depth, keyStart);
      default:
        return this.plain(parentIndent, depth, keyStart);
    }
  }

  private lineStartOf(at: number): number {
    return this.text.lastIndexOf("\n", at - 1) + 1;
  }

  /** After an inline quoted scalar or flow collection: only a comment may follow. */
  private inlineEnd(value: unknown): { value: unknown; end: number } {
    const end = this.restOfLine(this.pos);
    this.pos = end;
    return { value, end };
  }

  /** A plain scalar on one line, in block context. */
  private plain(parentIndent: number, depth: number, keyStart: number): { value: unknown; end: number } {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (!this.plainMayStart(c, this.text.charCodeAt(start + 1))) throw GIVE_UP;
    const lineEnd = this.lineEnd(start);
    let stop = lineEnd < this.len || this.text.charCodeAt(this.len - 1) === NEWLINE ? lineEnd - 1 : lineEnd;
    // A comment starts at " #"; ": " or a final ":" would make this a key.
    for (let i = start + 1; i < stop; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      if (ch === COLON) {
        const after = this.text.charCodeAt(i + 1);
        if (i + 1 >= stop || after === SPACE) throw GIVE_UP;
      }
    }
    let end = stop;
    while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
    // A more-indented line below would continue this scalar over several lines.
    const next = this.nextContentLine(lineEnd);
    if (next < this.len && this.indentAt(next) > parentIndent) throw GIVE_UP;
    this.leaf(depth, keyStart, start, end);
    this.pos = lineEnd;
    return { value: resolvePlain(this.text.slice(start, end)), end: lineEnd };
  }

  /** Whether a plain scalar may start with c (followed by d): no indicator, except "-?:" before a non-space. */
  private plainMayStart(c: number, d: number): boolean {
    switch (c) {
      case 0x2c: // ,
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case 0x23: // #
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
      case 0x7c: // |
      case 0x3e: // >
      case 0x27: // '
      case 0x22: // "
      case 0x25: // %
      case 0x40: // @
      case 0x60: // `
        return false;
      case DASH:
      case 0x3f: // ?
      case COLON:
        return !(d === SPACE || d === NEWLINE || Number.isNaN(d) || d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d);
      default:
        return true;
    }
  }

  private doubleQuoted(depth: number, keyStart: number): string {
    const start = this.pos;
    let i = start + 1;
    let out = "";
    let from = i;
    for (;;) {
      if (i >= this.len) throw GIVE_UP;
      const c = this.text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === NEWLINE) throw GIVE_UP; // multi-line: folding rules, left to `yaml`
      if (c === 0x5c /* \ */) {
        out += this.text.slice(from, i);
        const e = this.text[i + 1];
        if (e === undefined) throw GIVE_UP;
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else {
          const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
          if (width === 0) throw GIVE_UP;
          const hex = this.text.slice(i + 2, i + 2 + width);
          if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
          const code = parseInt(hex, 16);
          if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw GIVE_UP;
          out += String.fromCodePoint(code);
          i += 2 + width;
        }
        from = i;
        continue;
      }
      i++;
    }
    out += this.text.slice(from, i);
    this.pos = i + 1;
    if (this.text.charCodeAt(this.pos) === COLON) throw GIVE_UP; // a quoted key
    this.leaf(depth, keyStart, start, this.pos);
    return out;
  }

  private singleQuoted(depth: number, keyStart: number): string {
    const start = this.pos;
    let i = start + 1;
    let out = "";
    for (;;) {
      const q = this.text.indexOf("'", i);
      const nl = this.text.indexOf("\n", i);
      if (q < 0 || (nl >= 0 && nl < q)) throw GIVE_UP;
      out += this.text.slice(i, q);
      if (this.text.charCodeAt(q + 1) === 0x27) {
        out += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    this.pos = i;
    if (this.text.charCodeAt(this.pos) === COLON) throw GIVE_UP;
    this.leaf(depth, keyStart, start, this.pos);
    return out;
  }

  // ---- flow collections (one line only) ------------------------------------------------

  private skipFlowSpaces(): number {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
    return this.pos < this.len ? this.text.charCodeAt(this.pos) : NEWLINE;
  }

  private flowSeq(depth: number, keyStart: number): unknown[] {
    const index = this.open(depth, keyStart);
    const start = this.pos;
    this.pos++;
    const items: unknown[] = [];
    let c = this.skipFlowSpaces();
    if (c !== 0x5d) {
      for (;;) {
        items.push(this.flowItem(depth + 1, -1));
        c = this.skipFlowSpaces();
        if (c === 0x5d) break;
        if (c !== 0x2c) throw GIVE_UP;
        this.pos++;
        c = this.skipFlowSpaces();
        if (c === 0x5d) throw GIVE_UP; // a trailing comma
      }
    }
    this.pos++;
    this.close(index, start, this.pos);
    return items;
  }

  private flowMap(depth: number, keyStart: number): Record<string, unknown> {
    const index = this.open(depth, keyStart);
    const start = this.pos;
    this.pos++;
    const map: Record<string, unknown> = {};
    let c = this.skipFlowSpaces();
    if (c !== 0x7d) {
      for (;;) {
        const at = this.pos;
        if (!this.atKey() || this.text.charCodeAt(this.flowKeyColon()) !== COLON) throw GIVE_UP;
        const key = this.key();
        if (this.text.charCodeAt(this.pos) !== SPACE) throw GIVE_UP;
        if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
        this.skipFlowSpaces();
        map[key] = this.flowItem(depth + 1, at);
        c = this.skipFlowSpaces();
        if (c === 0x7d) break;
        if (c !== 0x2c) throw GIVE_UP;
        this.pos++;
        c = this.skipFlowSpaces();
        if (c === 0x7d) throw GIVE_UP;
      }
    }
    this.pos++;
    this.close(index, start, this.pos);
    return map;
  }

  private flowKeyColon(): number {
    let i = this.pos;
    while (isKeyChar(this.text.charCodeAt(i))) i++;
    return i;
  }

  private flowItem(depth: number, keyStart: number): unknown {
    const c = this.pos < this.len ? this.text.charCodeAt(this.pos) : NEWLINE;
    switch (c) {
      case 0x5b:
        return this.flowSeq(depth, keyStart);
      case 0x7b:
        return this.flowMap(depth, keyStart);
      case 0x22:
        return this.doubleQuoted(depth, keyStart);
      case 0x27:
        return this.singleQuoted(depth, keyStart);
      default:
        return this.flowPlain(depth, keyStart);
    }
  }

  private flowPlain(depth: number, keyStart: number): unknown {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === NEWLINE || start >= this.len || !this.plainMayStart(c, this.text.charCodeAt(start + 1))) throw GIVE_UP;
    let i = start;
    for (; i < this.len; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === 0x2c || ch === 0x5d || ch === 0x7d) break;
      if (ch === NEWLINE || ch === COLON || ch === 0x5b || ch === 0x7b) throw GIVE_UP;
      if (ch === HASH && this.text.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
    }
    if (i >= this.len) throw GIVE_UP;
    let end = i;
    while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
    this.leaf(depth, keyStart, start, end);
    this.pos = i;
    return resolvePlain(this.text.slice(start, end));
  }

  // ---- block scalars -----------------------------------------------------------------

  private blockScalar(parentIndent: number, depth: number, keyStart: number): { value: unknown; end: number } {
    const start = this.pos;
    const folded = this.text.charCodeAt(start) === 0x3e;
    let i = start + 1;
    let chomp: "clip" | "strip" | "keep" = "clip";
    const h = this.text.charCodeAt(i);
    if (h === DASH) {
      chomp = "strip";
      i++;
    } else if (h === 0x2b /* + */) {
      chomp = "keep";
      i++;
    }
    if (this.text.charCodeAt(i) !== NEWLINE) throw GIVE_UP; // indentation indicator, comment, junk
    let line = i + 1;
    if (line >= this.len) throw GIVE_UP;
    const contentIndent = this.indentAt(line);
    const firstChar = this.text.charCodeAt(line + contentIndent);
    if (contentIndent <= parentIndent || firstChar === NEWLINE || line + contentIndent >= this.len) throw GIVE_UP;
    const lines: string[] = [];
    let blanks = 0;
    let end = line;
    while (line < this.len) {
      const c = this.text.charCodeAt(line);
      if (c === NEWLINE) {
        blanks++;
        line++;
        continue;
      }
      const indent = this.indentAt(line);
      const after = this.text.charCodeAt(line + indent);
      if (line + indent >= this.len || after === NEWLINE) throw GIVE_UP; // whitespace-only line
      if (indent < contentIndent) {
        if (indent > parentIndent) throw GIVE_UP;
        break;
      }
      if (folded && indent > contentIndent) throw GIVE_UP; // more-indented lines fold differently
      const nl = this.text.indexOf("\n", line);
      if (nl < 0) throw GIVE_UP; // no final line break
      for (let k = 0; k < blanks; k++) lines.push("");
      blanks = 0;
      lines.push(this.text.slice(line + contentIndent, nl));
      line = nl + 1;
      end = line;
    }
    let body: string;
    if (folded) {
      body = "";
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k]!;
        if (k === 0) body = l;
        else if (l === "") body += "\n";
        else body += lines[k - 1] === "" ? l : ` ${l}`;
      }
    } else {
      body = lines.join("\n");
    }
    let value: string;
    if (chomp === "strip") value = body;
    else if (chomp === "clip") value = `${body}\n`;
    else {
      value = `${body}\n${"\n".repeat(blanks)}`;
      end = line > end ? end + blanks : end;
    }
    this.leaf(depth, keyStart, start, end);
    this.pos = end;
    return { value, end };
  }
}

/**
 * Parses text with the fast subset parser. Returns undefined where the text falls outside the
 * subset (the caller then uses `yaml`); never throws for bad input.
 */
export function parseFastYaml(text: string, limits: FastLimits): FastDocument | undefined {
  if (!screen(text)) return undefined;
  try {
    return new FastParser(text, limits).parse();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    if (error instanceof RangeError) return undefined; // stack exhausted by nesting: `yaml` reports it
    throw error;
  }
}
