import type { DocPath, Position } from "../model/position.js";

/** What the loader produces for one file that parsed. */
export interface LoadedDoc {
  /** Path relative to the run's root, forward slashes. */
  file: string;
  /** The plain data: objects without prototypes' surprises, arrays, strings, numbers, booleans, null. */
  data: unknown;
  /**
   * Where the value (or, with `key`, the key) at `path` stands. Falls back to the
   * nearest ancestor that exists, so a missing key points at the map that lacks it.
   */
  locate(path: DocPath, options?: { key?: boolean }): Position;
  /** The raw text, for code frames. */
  text: string;
}
