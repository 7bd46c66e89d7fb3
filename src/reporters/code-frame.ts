import type { Colors } from "picocolors/types.js";
import type { Position } from "../model/position.js";
import { stripControl } from "./escape.js";

/**
 * A few lines of a file around a position, with a caret under the column:
 *
 *     11 |   - source: reuters
 *   > 12 |     quote: the last meeting
 *        |            ^^^^^^^^^^^^^^^^
 */
export function codeFrame(text: string, at: Position, colors: Colors, context = 1): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, at.line - context);
  const last = Math.min(lines.length, at.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = stripControl((lines[n - 1] ?? "").replace(/\t/g, " "));
    const gutter = `${String(n).padStart(width)} |`;
    if (n === at.line) {
      out.push(`${colors.red(">")} ${colors.dim(gutter)} ${line}`);
      const length =
        at.endLine === at.line && at.endColumn !== undefined ? Math.max(1, at.endColumn - at.column) : Math.max(1, line.length - at.column + 1);
      const caret = " ".repeat(Math.max(0, at.column - 1)) + "^".repeat(Math.min(length, 80));
      out.push(`  ${colors.dim(`${" ".repeat(width)} |`)} ${colors.red(caret)}`);
    } else {
      out.push(`  ${colors.dim(gutter)} ${line}`);
    }
  }
  return out.join("\n");
}
