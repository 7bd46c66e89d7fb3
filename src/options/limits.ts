/** Limits that keep one hostile file from costing the whole run. All configurable. */
export interface LoadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most YAML nodes a document may expand to, aliases included (alias-bomb guard). */
  maxNodes: number;
  /** Deepest nesting of maps and sequences. */
  maxDepth: number;
  /** Most alias references one document may hold. */
  maxAliases: number;
  /** Most claim and source files one run reads (a glob gone wrong should not read a whole disk). */
  maxFiles: number;
  /** Most findings reported for one file; the rest are counted in one last finding. */
  maxFindingsPerFile: number;
  /** Largest source snapshot read, in bytes (a snapshot is a whole page's text, so larger than a YAML file). */
  maxSnapshotBytes: number;
}

export const DEFAULT_LIMITS: Readonly<LoadLimits> = {
  maxFileBytes: 1024 * 1024,
  maxNodes: 100_000,
  maxDepth: 64,
  maxAliases: 100,
  maxFiles: 200_000,
  maxFindingsPerFile: 100,
  maxSnapshotBytes: 4 * 1024 * 1024,
};
