/** A file as a migration sees it: its path from the repository root, its role, and its text. */
export interface MigrationFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  role: "claim" | "article" | "source" | "entities";
  text: string;
}

/** Every file of the project, parsed, for migrations that need to know about other files. */
export interface ProjectView {
  files: ReadonlyArray<{ path: string; role: MigrationFile["role"]; data: unknown }>;
}

/**
 * One named change of format. A migration is a pure function from a file's text to its new
 * text, made through the in-place editor (src/edit/yaml-editor.ts) so comments and key order
 * survive; it returns the text unchanged when the file needs nothing (so running it twice
 * changes nothing the second time). A new migration is one new file in src/migrate/migrations/,
 * named `NNN-<id>.ts`, exporting `migration`; they run in the order of their names.
 */
export interface Migration {
  id: string;
  /** What it changes and why, in one sentence (shown by `claimcheck migrate --dry-run`). */
  description: string;
  migrate(file: MigrationFile, project: ProjectView): string;
}
