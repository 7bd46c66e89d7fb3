/** Where a value stands in a file. Made once, by the loader; rules never count lines. */
export interface Position {
  /** Path of the file, relative to the run's root directory, with forward slashes. */
  file: string;
  /** 1-based line of the value's first character. */
  line: number;
  /** 1-based column (in UTF-16 code units) of the value's first character. */
  column: number;
  /** 1-based line just after the value's last character, when known. */
  endLine?: number;
  /** 1-based column just after the value's last character, when known. */
  endColumn?: number;
  /** The value's path inside its document, as people write it (`citations[1].quote`). */
  path?: string;
}

/** A path inside a document, e.g. `["citations", 1, "quote"]`. */
export type DocPath = ReadonlyArray<string | number>;

/** Renders a document path the way people write it: `citations[1].quote`. */
export function formatDocPath(path: DocPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** Orders positions by file, then line, then column. */
export function comparePositions(a: Position, b: Position): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
