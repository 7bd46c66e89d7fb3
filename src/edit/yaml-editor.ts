import { createRequire } from "node:module";
import type { Document, Node, Pair, Scalar, YAMLMap } from "yaml";

// Loaded on first use, like the loader does: a plain check never edits a file.
const require = createRequire(import.meta.url);
function yamlLib(): typeof import("yaml") {
  return require("yaml") as typeof import("yaml");
}

/** A path into a YAML document: map keys and sequence indexes. */
export type EditPath = ReadonlyArray<string | number>;

/** How a new scalar is written. `keep` (the default for a replaced value) keeps the old one's style. */
export type ScalarStyle = "plain" | "double" | "single" | "literal" | "keep";

export interface SetOptions {
  /** Style for a scalar value. Default: keep the replaced scalar's style, else yaml's choice. */
  style?: ScalarStyle;
  /** Write a new map or list value in flow style (`{ a: 1 }`, `[a, b]`) rather than block style. */
  flow?: boolean;
  /** For a key not yet in its map: insert it after this key (default: at the end of the map). */
  after?: string;
  /** For a key not yet in its map: insert it before this key (and above the comment lines right over it). */
  before?: string;
}

/** An edit the editor cannot make without rewriting more than the node it touches. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "YamlEditError";
  }
}

/**
 * Edits the text of one YAML file in place: every byte outside the nodes an edit touches
 * stays as it was, so comments, blank lines, key order and quoting survive, and a diff
 * shows only the change. `claimcheck migrate` and `claimcheck capture` write source
 * records through it.
 *
 * It works on the text, guided by the positions of the parsed document, and parses again
 * after every edit (files are small; correctness matters more than speed here).
 */
export class YamlEditor {
  private source: string;
  private doc!: Document.Parsed;

  constructor(text: string) {
    this.source = text;
    this.reparse();
  }

  /** The edited text. */
  get text(): string {
    return this.source;
  }

  /** The document's data as plain JavaScript. */
  toJS(): unknown {
    return this.doc.toJS();
  }

  has(path: EditPath): boolean {
    return this.doc.hasIn(path);
  }

  get(path: EditPath): unknown {
    const node = this.doc.getIn(path, true) as unknown;
    const { isNode } = yamlLib();
    return isNode(node) ? (node as Node).toJSON() : node;
  }

  /**
   * Sets the value at `path`. An existing value is replaced where it stands; a key that
   * is missing is added to its map (which must exist), after `options.after` or at the end.
   */
  set(path: EditPath, value: unknown, options: SetOptions = {}): this {
    if (path.length === 0) throw new YamlEditError("cannot replace the whole document");
    const key = path[path.length - 1]!;
    const parentPath = path.slice(0, -1);
    const parent = this.nodeAt(parentPath);
    const { isMap, isSeq } = yamlLib();
    if (isMap(parent)) {
      const pair = findPair(parent, String(key));
      if (pair) return this.replaceValue(pair, value, options);
      return this.insertPair(parent, String(key), value, options);
    }
    if (isSeq(parent) && typeof key === "number") {
      const item = parent.items[key] as Node | undefined;
      if (!item?.range) throw new YamlEditError(`no item ${key} at ${formatPath(parentPath)}`);
      this.splice(item.range[0], item.range[1], this.renderInline(value, item, options));
      return this;
    }
    throw new YamlEditError(`no map at ${formatPath(parentPath)}`);
  }

  /** Removes the key at `path` with its value (whole lines in block maps). No-op when absent. */
  delete(path: EditPath): this {
    const { isMap } = yamlLib();
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) throw new YamlEditError(`no map at ${formatPath(path.slice(0, -1))}`);
    const pair = findPair(parent, String(path[path.length - 1]));
    if (!pair) return this;
    const keyNode = pair.key as Node;
    const [start] = keyNode.range!;
    const end = valueEnd(pair);
    if (parent.flow) {
      // `{ a: 1, b: 2 }`: drop the pair and the comma on one side of it.
      const index = parent.items.indexOf(pair);
      const next = parent.items[index + 1];
      if (next) this.splice(start, (next.key as Node).range![0], "");
      else {
        const previous = parent.items[index - 1];
        this.splice(previous ? valueEnd(previous) : start, end, "");
      }
      return this;
    }
    const lineStart = this.lineStart(start);
    if (this.source.slice(lineStart, start).trim() !== "") {
      throw new YamlEditError(`cannot delete ${formatPath(path)}: it shares its line with a "- " item marker`);
    }
    this.splice(lineStart, this.lineEnd(end), "");
    return this;
  }

  /** Renames a key, keeping its value and position. */
  rename(path: EditPath, newKey: string): this {
    const { isMap } = yamlLib();
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) throw new YamlEditError(`no map at ${formatPath(path.slice(0, -1))}`);
    const pair = findPair(parent, String(path[path.length - 1]));
    if (!pair) throw new YamlEditError(`no key ${formatPath(path)}`);
    if (findPair(parent, newKey)) throw new YamlEditError(`${formatPath([...path.slice(0, -1), newKey])} exists already`);
    const keyNode = pair.key as Node;
    this.splice(keyNode.range![0], keyNode.range![1], renderKey(newKey));
    return this;
  }

  private nodeAt(path: EditPath): Node {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    const { isNode } = yamlLib();
    if (!isNode(node)) throw new YamlEditError(`nothing at ${formatPath(path)}`);
    return node as Node;
  }

  private replaceValue(pair: Pair, value: unknown, options: SetOptions): this {
    const old = (pair.value as Node | null) ?? undefined;
    const keyNode = pair.key as Node;
    const rendered = this.renderAfterColon(value, this.columnOf(keyNode.range![0]), options, old);
    const { isCollection } = yamlLib();
    const oldInline = old?.range !== undefined && !isBlockScalar(old) && !(isCollection(old) && !old.flow);
    if (oldInline && !rendered.includes("\n")) {
      // Scalar for scalar on one line: only the value's own characters change.
      this.splice(old.range![0], old.range![1], rendered.slice(1));
      return this;
    }
    // A block value, or a value becoming one: rewrite from the colon to the value's end.
    const colon = this.source.indexOf(":", keyNode.range![1]);
    const end = old?.range ? old.range[1] : colon + 1;
    const endsLine = this.source[end - 1] === "\n";
    const text = rendered.replace(/\n$/, "") + (endsLine ? "\n" : "");
    this.splice(colon + 1, end, text);
    return this;
  }

  private insertPair(map: YAMLMap, key: string, value: unknown, options: SetOptions): this {
    const items = map.items as Pair[];
    if (options.after !== undefined && !findPair(map, options.after)) throw new YamlEditError(`no key "${options.after}" to insert after`);
    if (options.before !== undefined && !findPair(map, options.before)) throw new YamlEditError(`no key "${options.before}" to insert before`);
    if (map.flow) {
      const anchorPair = options.before !== undefined ? findPair(map, options.before) : options.after !== undefined ? findPair(map, options.after) : items[items.length - 1];
      const entry = `${renderKey(key)}: ${this.renderInline(value, undefined, { ...options, flow: true })}`;
      if (!anchorPair) {
        const open = map.range![0];
        this.splice(open + 1, open + 1, ` ${entry} `);
      } else if (options.before !== undefined) {
        const at = (anchorPair.key as Node).range![0];
        this.splice(at, at, `${entry}, `);
      } else {
        const at = valueEnd(anchorPair);
        this.splice(at, at, `, ${entry}`);
      }
      return this;
    }
    if (items.length === 0) throw new YamlEditError("cannot insert into an empty block map");
    const column = this.columnOf((items[0]!.key as Node).range![0]);
    const indent = " ".repeat(column);
    const line = `${renderKey(key)}:${this.renderAfterColon(value, column, options, undefined)}`;
    const text = line.endsWith("\n") ? line : `${line}\n`;
    if (options.before !== undefined) {
      const anchor = findPair(map, options.before)!;
      const start = (anchor.key as Node).range![0];
      const lineStart = this.lineStart(start);
      if (this.source.slice(lineStart, start).trim() !== "") {
        // The anchor follows a "- " marker: the new key takes its place on that line.
        this.splice(start, start, `${text}${indent}`);
      } else {
        // Comment lines right above a key belong to it: the new key goes above them.
        const at = this.commentBlockStart(lineStart);
        this.splice(at, at, `${indent}${text}`);
      }
      return this;
    }
    const anchor = options.after !== undefined ? findPair(map, options.after)! : items[items.length - 1]!;
    const at = this.lineEnd(valueEnd(anchor));
    const needsBreak = at > 0 && this.source[at - 1] !== "\n";
    this.splice(at, at, `${needsBreak ? "\n" : ""}${indent}${text}`);
    return this;
  }

  /** What follows `key:` for a value: ` scalar`, ` { flow }`, or a newline and an indented block. */
  private renderAfterColon(value: unknown, keyColumn: number, options: SetOptions, old: Node | undefined): string {
    if (value !== null && typeof value === "object" && !options.flow && !isEmpty(value)) {
      const { stringify } = yamlLib();
      const body = stringify(value, { indent: 2, lineWidth: 0, minContentWidth: 0 });
      const pad = " ".repeat(keyColumn + 2);
      const lines = body.replace(/\n$/, "").split("\n");
      // A list under a key may sit at the key's own indentation, as our files do (`excerpts:\n  - …`).
      return `\n${lines.map((l) => pad + l).join("\n")}\n`;
    }
    const style = options.style ?? "keep";
    if (typeof value === "string" && (style === "literal" || (style === "keep" && old !== undefined && isBlockScalar(old)) || value.includes("\n"))) {
      const pad = " ".repeat(keyColumn + 2);
      const chomp = value.endsWith("\n") ? "" : "-";
      const lines = value.replace(/\n$/, "").split("\n");
      return ` |${chomp}\n${lines.map((l) => (l === "" ? "" : pad + l)).join("\n")}\n`;
    }
    return ` ${this.renderInline(value, old, options)}`;
  }

  /** A value written on one line: a scalar, or a flow collection. */
  private renderInline(value: unknown, old: Node | undefined, options: SetOptions): string {
    const { Scalar: ScalarClass, stringify, isScalar } = yamlLib();
    if (value !== null && typeof value === "object") {
      return stringify(value, { collectionStyle: "flow", lineWidth: 0, flowCollectionPadding: true }).replace(/\n$/, "");
    }
    let style = options.style ?? "keep";
    if (style === "keep") style = old && isScalar(old) ? styleOf(old) : "plain";
    const scalar = new ScalarClass(value);
    if (typeof value === "string") {
      if (style === "double") scalar.type = ScalarClass.QUOTE_DOUBLE;
      else if (style === "single") scalar.type = ScalarClass.QUOTE_SINGLE;
      else scalar.type = ScalarClass.PLAIN;
    }
    // yaml quotes a plain string when plain would change its meaning (`"2028"`, `"yes: no"`).
    return stringify(scalar, { lineWidth: 0 }).replace(/\n$/, "");
  }

  private splice(start: number, end: number, insert: string): void {
    this.source = this.source.slice(0, start) + insert + this.source.slice(end);
    this.reparse();
  }

  private reparse(): void {
    const { parseDocument } = yamlLib();
    const doc = parseDocument(this.source, { keepSourceTokens: false, schema: "core", merge: false, uniqueKeys: true });
    if (doc.errors.length > 0) throw new YamlEditError(`the edit left the file unreadable: ${doc.errors[0]!.message.split("\n")[0]}`);
    this.doc = doc;
  }

  /** The start of the run of whole-line comments that ends just before `lineStart` (itself when there is none). */
  private commentBlockStart(lineStart: number): number {
    let at = lineStart;
    while (at > 0) {
      const previous = this.lineStart(at - 1);
      if (!this.source.slice(previous, at).trimStart().startsWith("#")) break;
      at = previous;
    }
    return at;
  }

  private lineStart(offset: number): number {
    return this.source.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The offset just after the newline that ends the line holding `offset - 1`. */
  private lineEnd(offset: number): number {
    if (offset > 0 && this.source[offset - 1] === "\n") return offset;
    const newline = this.source.indexOf("\n", offset);
    return newline < 0 ? this.source.length : newline + 1;
  }

  private columnOf(offset: number): number {
    return offset - this.lineStart(offset);
  }
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  const { isScalar } = yamlLib();
  return (map.items as Pair[]).find((p) => isScalar(p.key) && String((p.key as Scalar).value) === key);
}

/** Where a pair's value ends (before any trailing comment), or its key's end when it has none. */
function valueEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  return value?.range ? value.range[1] : (pair.key as Node).range![1];
}

function isBlockScalar(node: Node): boolean {
  const { isScalar, Scalar: ScalarClass } = yamlLib();
  return isScalar(node) && (node.type === ScalarClass.BLOCK_LITERAL || node.type === ScalarClass.BLOCK_FOLDED);
}

function styleOf(node: Scalar): ScalarStyle {
  const { Scalar: ScalarClass } = yamlLib();
  if (node.type === ScalarClass.QUOTE_DOUBLE) return "double";
  if (node.type === ScalarClass.QUOTE_SINGLE) return "single";
  return "plain";
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function renderKey(key: string): string {
  const { stringify } = yamlLib();
  return stringify(key, { lineWidth: 0 }).replace(/\n$/, "");
}

function formatPath(path: EditPath): string {
  return path.length === 0 ? "the document's top" : path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".");
}
