import type { Colors } from "picocolors/types.js";
import type { Position } from "../model/position.js";
import { stripControl } from "./escape.js";

/**
 * Widest piece of a line a frame shows, in characters. A longer line is cut to a window around
 * the column, with `…` where text was left out: a 50 MB file on one line once printed all of it.
 */
export const FRAME_WIDTH = 120;

/**
 * A few lines of a file around a position, with a caret under the column:
 *
 *     11 |   - source: reuters
 *   > 12 |     quote: the last meeting
 *        |            ^^^^^^^^^^^^^^^^
 *
 * Only the lines shown are looked at (never the whole text split), and each is cut to
 * FRAME_WIDTH characters around the column, the same window for every line of the frame so
 * that they stay aligned.
 */
export function codeFrame(text: string, at: Position, colors: Colors, context = 1): string {
  const first = Math.max(1, at.line - context);
  const lines = linesAround(text, first, at.line + context);
  const last = first + lines.length - 1;
  const width = String(last).length;
  const column = Math.max(1, at.column);
  const from = windowStart(lines[at.line - first] ?? "", column);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - first]!;
    const { shown, lead } = cut(raw, from);
    const line = stripControl(shown.replace(/\t/g, " "));
    const gutter = `${String(n).padStart(width)} |`;
    if (n === at.line) {
      out.push(`${colors.red(">")} ${colors.dim(gutter)} ${line}`);
      const visibleEnd = from + FRAME_WIDTH;
      const end = at.endLine === at.line && at.endColumn !== undefined ? at.endColumn : raw.length + 1;
      const length = Math.max(1, Math.min(end, visibleEnd + 1) - column);
      const caret = " ".repeat(Math.max(0, column - 1 - from + lead)) + "^".repeat(Math.min(length, 80));
      out.push(`  ${colors.dim(`${" ".repeat(width)} |`)} ${colors.red(caret)}`);
    } else {
      out.push(`  ${colors.dim(gutter)} ${line}`);
    }
  }
  return out.join("\n");
}

/** Lines first..last (1-based, inclusive) of the text, fewer where it ends sooner. Line ends: \n or \r\n. */
function linesAround(text: string, first: number, last: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let n = 1; n <= last && start <= text.length; n++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (n >= first) out.push(text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end));
    if (newline < 0) break;
    start = newline + 1;
  }
  return out;
}

/** Offset (0-based) where the window over a line starts, so that the column stands inside it. */
function windowStart(line: string, column: number): number {
  if (line.length <= FRAME_WIDTH) return 0;
  const start = Math.max(0, Math.min(column - 1 - Math.floor(FRAME_WIDTH / 3), line.length - FRAME_WIDTH));
  return isLowSurrogate(line, start) ? start - 1 : start;
}

/** The window of a line from `from`, with `…` for what is left out; `lead` is 1 when `…` starts it. */
function cut(line: string, from: number): { shown: string; lead: number } {
  if (line.length <= FRAME_WIDTH && from === 0) return { shown: line, lead: 0 };
  let end = Math.min(line.length, from + FRAME_WIDTH);
  if (isLowSurrogate(line, end)) end--;
  const lead = from > 0 ? 1 : 0;
  return { shown: `${lead ? "…" : ""}${line.slice(from, end)}${end < line.length ? "…" : ""}`, lead };
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
