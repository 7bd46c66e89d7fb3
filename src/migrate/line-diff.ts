/** One change between two texts: lines removed and added at a line of the old text (1-based). */
export interface Hunk {
  line: number;
  removed: string[];
  added: string[];
}

/**
 * The lines that differ between two versions of a file, as hunks, by the longest common
 * subsequence of lines. Files here are small (a source record, a registry), so the
 * quadratic table is fine, and its limit keeps a huge file from costing much: past it, one
 * hunk spans from the first differing line to the last.
 */
export function lineDiff(before: string, after: string, limit = 4_000_000): Hunk[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length === 0 && y.length === 0) return [];
  if (x.length * y.length > limit) return [{ line: start + 1, removed: x, added: y }];
  // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
  const lcs: Uint32Array[] = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let i = 0;
  let j = 0;
  const flush = () => {
    if (current) hunks.push(current);
    current = undefined;
  };
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      current ??= { line: start + i + 1, removed: [], added: [] };
      current.added.push(y[j++]!);
    } else {
      current ??= { line: start + i + 1, removed: [], added: [] };
      current.removed.push(x[i++]!);
    }
  }
  flush();
  return hunks;
}
