import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { RegExpParser } from "@eslint-community/regexpp";
import { analyse } from "scslre";
import ts from "typescript";

/** One regular expression found in the code or the schemas, where it stands. */
export interface FoundRegExp {
  where: string;
  /** The pattern's source, or undefined for a RegExp built from a value that is not a literal. */
  source?: string;
  flags: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** Every regular-expression literal and every `RegExp(…)` construction in the TypeScript files under `dir`. */
export function regexpsInCode(root: string, dir: string): FoundRegExp[] {
  const out: FoundRegExp[] = [];
  for (const file of walk(path.join(root, dir))) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const end = literal.lastIndexOf("/");
        out.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === "RegExp") {
        const [pattern, flags] = node.arguments ?? [];
        const literal = (n: ts.Expression | undefined) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
        out.push({ where: where(node), source: literal(pattern), flags: literal(flags) ?? "" });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Every `pattern` of the JSON Schemas (ajv compiles each into a RegExp with the u flag). */
export function regexpsInSchemas(root: string): FoundRegExp[] {
  const out: FoundRegExp[] = [];
  for (const name of readdirSync(path.join(root, "schema")).filter((n) => n.endsWith(".json"))) {
    const visit = (value: unknown, at: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}/${i}`));
      else if (value && typeof value === "object") {
        for (const [key, v] of Object.entries(value)) {
          if (key === "pattern" && typeof v === "string") out.push({ where: `schema/${name}#${at}`, source: v, flags: "u" });
          else visit(v, `${at}/${key}`);
        }
      }
    };
    visit(JSON.parse(readFileSync(path.join(root, "schema", name), "utf8")), "");
  }
  return out;
}

/**
 * What scslre finds wrong with a pattern: backtracking that grows faster than the input
 * (polynomially or exponentially) on some string. Empty for a pattern that runs in linear time.
 */
export function superLinear(found: FoundRegExp): string[] {
  if (found.source === undefined) return ["built from a value at run time, which may come from a file"];
  // Through RegExp first, so a pattern given as a string gets its slashes escaped.
  const literal = new RegExpParser({ ecmaVersion: 2024 }).parseLiteral(new RegExp(found.source, found.flags).toString());
  const { reports } = analyse(literal, { reportTypes: { Move: true, Self: true, Trade: true } });
  return reports.map((r) => `${r.exponential ? "exponential" : "polynomial"} backtracking (${r.type})`);
}
