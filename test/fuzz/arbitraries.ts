import fc from "fast-check";
import { Document } from "yaml";

/**
 * Property-test settings. CI runs a fixed seed and a bounded number of cases; a longer hunt
 * is one command away: `FUZZ_RUNS=10000 npx vitest run test/fuzz test/load` (and FUZZ_SEED to
 * try other seeds). See test/fuzz/README.md.
 */
export function fuzzParameters(defaultRuns = 150): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = Number(process.env.FUZZ_SEED ?? 20251125);
  return { numRuns: runs, seed, endOnFailure: true };
}

/** Keys: the ordinary kind, and the kinds that trip YAML loaders up. */
export const keyArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("id", "text", "as-of", "URL", "archive-URL", "verdict", "citations", "quote", "a", "b", "x.y", "k_1", "line-breaks-normalised") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "true", "null", "1", "2018", "0x1F", "1e3", "-x", "a b", "__proto__", "constructor", "prototype", "toString",
      "Ä", "ключ", "", "a:b", "#x", "- a", "? q", "'q'", "\"q\"", "[k]", "{k}", "*ref", "&a", "!t", "%x", "@x",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** Strings that look like other things, or hold characters YAML treats specially. */
const trickyString = fc.constantFrom(
  "", " ", "  lead", "trail  ", "a: b", "a:b", "x #y", "x#y", "#", "- a", "-a", "? x", "?x", ": x", ":x", "-", "?", ":",
  "'", "\"", "\\", "''", "a'b", "a\"b", "\\n", "2025-01-01", "2025-02-30", "1e3", "1E3", "0x1F", "0o7", "0b1", ".inf", "-.Inf",
  ".nan", "~", "null", "Null", "NULL", "True", "false", "yes", "no", "on", "1_000", "-0", "+1", "01", "1.", ".5", "1.50",
  "12345678901234567890", "…", "é", "«guillemets»", "“curly”", "—", "😀", "\u00a0", "\u2028", "\u0085", "\t", "a\tb", "a\nb",
  "a\n\nb", "\n", "line\n", "[x]", "{a: 1}", "@x", "`x", "%x", "&a", "*a", "!x", "!!str", "|", ">", ">-", "|+", "---", "...",
  "<script>alert(1)</script>", "]]>", "&amp;", "\u0000", "\u001b[31m", "\ud800", "\ufeff",
);

export const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Reuters", "the last meeting took place in October 2018", "c04-first-meeting", "supported", "https://example.org/a?b=c#d") },
  { weight: 3, arbitrary: trickyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A data tree with a map at the root, as our files have. */
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarArb, tie("object"), tie("list")),
  object: fc.dictionary(keyArb, tie("value"), { maxKeys: 5 }),
  list: fc.array(tie("value"), { maxLength: 4 }),
}));
export const dataArb = tree.object as fc.Arbitrary<Record<string, unknown>>;

/** Turns data into YAML text in one of many styles, by `yaml`'s own stringifier. */
export const stringifyOptionsArb = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  minContentWidth: fc.constantFrom(0, 10, 20),
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_FOLDED", "BLOCK_LITERAL") as fc.Arbitrary<"PLAIN">,
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE") as fc.Arbitrary<null>,
  collectionStyle: fc.constantFrom("any", "block", "flow") as fc.Arbitrary<"any">,
  flowCollectionPadding: fc.boolean(),
  directives: fc.constantFrom(false, true, null) as fc.Arbitrary<boolean | null>,
});

export function stringify(data: unknown, options: Parameters<Document["toString"]>[0]): string {
  return new Document(data).toString(options);
}

/** Edits to apply to a text: comments, blank lines, trailing spaces, and raw character changes. */
export const editArb = fc.oneof(
  fc.record({ kind: fc.constant("comment" as const), line: fc.nat(), indent: fc.nat({ max: 6 }), text: fc.constantFrom("# c", "#", "# - a: b", "#'\"") }),
  fc.record({ kind: fc.constant("trailing-comment" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("blank" as const), line: fc.nat(), spaces: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("trailing-space" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(" ", "  ", "\n", ":", ": ", "- ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "|", ">", "\t", "\r", "\\", "---\n", "? ", "~", "é", "\u2028", "\u0000") }),
  fc.record({ kind: fc.constant("no-final-newline" as const) }),
);

export type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const lines = out.split("\n");
    switch (edit.kind) {
      case "comment":
        lines.splice(edit.line % (lines.length + 1), 0, `${" ".repeat(edit.indent)}${edit.text}`);
        out = lines.join("\n");
        break;
      case "trailing-comment": {
        const i = edit.line % lines.length;
        if (lines[i] !== "") lines[i] = `${lines[i]} # note`;
        out = lines.join("\n");
        break;
      }
      case "blank":
        lines.splice(edit.line % (lines.length + 1), 0, " ".repeat(edit.spaces));
        out = lines.join("\n");
        break;
      case "trailing-space": {
        const i = edit.line % lines.length;
        lines[i] = `${lines[i]}  `;
        out = lines.join("\n");
        break;
      }
      case "delete": {
        const at = out.length === 0 ? 0 : edit.at % out.length;
        out = out.slice(0, at) + out.slice(at + edit.length);
        break;
      }
      case "insert": {
        const at = edit.at % (out.length + 1);
        out = out.slice(0, at) + edit.text + out.slice(at);
        break;
      }
      case "no-final-newline":
        out = out.replace(/\n+$/, "");
        break;
    }
  }
  return out;
}

/** A YAML document in some style, perhaps edited into something odd or broken. */
export const yamlTextArb = fc
  .tuple(dataArb, stringifyOptionsArb, fc.array(editArb, { maxLength: 4 }))
  .map(([data, options, edits]) => {
    let text: string;
    try {
      text = stringify(data, options);
    } catch {
      text = "a: 1\n";
    }
    return applyEdits(text, edits);
  });

/**
 * YAML text written the way claim and source files are — block maps and sequences, plain,
 * quoted and block scalars, one-line flow collections, comments — with the style of every
 * node drawn at random and values drawn from the tricky pool written raw, so that much of
 * it lands inside the fast parser's subset and some of it just outside.
 */
type Styled =
  | { t: "scalar"; value: unknown; style: "plain" | "double" | "single" | "literal" | "folded"; chomp: "" | "-" | "+"; comment: boolean }
  | { t: "map"; entries: Array<[string, Styled]>; flow: boolean; indent: number; comment: boolean }
  | { t: "seq"; items: Styled[]; flow: boolean; indent: number; sameIndent: boolean; compact: boolean; comment: boolean };

function styledTree(keys: fc.Arbitrary<string>, scalars: fc.Arbitrary<unknown>) {
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("scalar"), tie("map"), tie("seq")),
    scalar: fc.record({
      t: fc.constant("scalar" as const),
      value: scalars,
      style: fc.constantFrom("plain", "plain", "plain", "double", "single", "literal", "folded") as fc.Arbitrary<"plain">,
      chomp: fc.constantFrom("", "-", "+") as fc.Arbitrary<"">,
      comment: fc.boolean(),
    }),
    map: fc.record({
      t: fc.constant("map" as const),
      // Mostly distinct keys (a repeated key is a duplicate-key error, which the fast parser leaves to `yaml`).
      entries: fc.uniqueArray(fc.tuple(keys, tie("node")), { minLength: 1, maxLength: 4, selector: ([k]) => (k === "a" ? Math.random() : k) }),
      flow: fc.boolean(),
      indent: fc.integer({ min: 1, max: 4 }),
      comment: fc.boolean(),
    }),
    seq: fc.record({
      t: fc.constant("seq" as const),
      items: fc.array(tie("node"), { maxLength: 3 }),
      flow: fc.boolean(),
      indent: fc.integer({ min: 0, max: 3 }),
      sameIndent: fc.boolean(),
      compact: fc.boolean(),
      comment: fc.boolean(),
    }),
  })) as unknown as { node: fc.Arbitrary<Styled>; map: fc.Arbitrary<Extract<Styled, { t: "map" }>> };
}

function scalarText(node: Extract<Styled, { t: "scalar" }>, indent: number): { inline: string; block?: string } {
  const s = node.value === null ? "null" : String(node.value);
  switch (node.style) {
    case "double":
      return { inline: JSON.stringify(s) };
    case "single":
      return { inline: `'${s.replace(/'/g, "''")}'` };
    case "literal":
    case "folded": {
      const pad = " ".repeat(indent + 2);
      const body = s.split("\n").map((l) => (l === "" ? "" : pad + l)).join("\n");
      return { inline: `${node.style === "literal" ? "|" : ">"}${node.chomp}`, block: `${body}\n` };
    }
    default:
      return { inline: s };
  }
}

function flowText(node: Styled): string {
  if (node.t === "scalar") return node.style === "literal" || node.style === "folded" ? JSON.stringify(String(node.value)) : scalarText(node, 0).inline;
  if (node.t === "map") return `{ ${node.entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(", ")} }`;
  return `[${node.items.map(flowText).join(", ")}]`;
}

/** Writes `node` as the value after "key:" or "-" at column `indent`. */
function valueText(node: Styled, indent: number, inSeq: boolean): string {
  const comment = node.comment ? " # note" : "";
  if (node.t === "scalar") {
    const { inline, block } = scalarText(node, indent);
    return block === undefined ? ` ${inline}${comment}\n` : ` ${inline}\n${block}`;
  }
  if (node.flow || (node.t === "map" ? node.entries.length === 0 : node.items.length === 0)) return ` ${flowText(node)}${comment}\n`;
  if (node.t === "map") {
    if (inSeq && node.comment) return ` ${mapText(node, indent + 2).slice(indent + 2)}`;
    return `${comment}\n${mapText(node, indent + node.indent)}`;
  }
  const seqIndent = node.sameIndent && !inSeq ? indent : indent + node.indent + (inSeq ? 1 : 0);
  return `${comment}\n${seqText(node, seqIndent)}`;
}

function mapText(node: Extract<Styled, { t: "map" }>, indent: number): string {
  const pad = " ".repeat(indent);
  return node.entries.map(([k, v]) => `${pad}${k}:${valueText(v, indent, false)}`).join("");
}

function seqText(node: Extract<Styled, { t: "seq" }>, indent: number): string {
  const pad = " ".repeat(indent);
  return node.items
    .map((item) => {
      if (item.t === "map" && !item.flow && item.entries.length > 0 && node.compact) {
        return `${pad}- ${mapText(item, indent + 2).slice(indent + 2)}`;
      }
      return `${pad}-${valueText(item, indent, true)}`;
    })
    .join("");
}

function styledYamlArb(keys: fc.Arbitrary<string>, scalars: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc
    .tuple(styledTree(keys, scalars).map, fc.boolean(), fc.array(editArb, { maxLength: 2 }), fc.nat({ max: 3 }))
    .map(([root, header, edits, editCount]) => {
      const text = (header ? "# yaml-language-server: $schema=../schema/claim.schema.json\n" : "") + mapText({ ...root, flow: false }, 0);
      return applyEdits(text, edits.slice(0, editCount));
    });
}

/** Styled YAML with tricky keys and values: much of it outside the fast parser's subset. */
export const subsetYamlArb = styledYamlArb(keyArb, scalarArb);

/** Styled YAML with ordinary keys and values: mostly inside the subset, so its positions get tested deep. */
export const ordinaryYamlArb = styledYamlArb(
  fc.constantFrom("id", "text", "as-of", "URL", "archive-URL", "verdict", "citations", "quote", "a", "b", "x.y", "k_1", "source", "facts"),
  fc.oneof(
    fc.constantFrom("Reuters", "the last meeting took place in October 2018", "c04", "supported", "https://example.org/a?b=c#d", "2025-08-02", "Дмитрий Баканов", "“quoted” — dash…"),
    fc.integer(),
    fc.boolean(),
    fc.string({ unit: fc.constantFrom("a", "b", " ", "é", "-", "."), minLength: 1, maxLength: 12 }),
  ),
);
