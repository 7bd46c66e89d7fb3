import { UsageError } from "../errors.js";
import { didYouMean } from "../text/suggest.js";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { discover } from "../load/discover.js";
import { lineDiff, type Hunk } from "./line-diff.js";
import { loadMigrations, type Migration, type MigrationFile, type ProjectView } from "./index.js";

export interface FileChange {
  path: string;
  /** The migrations that changed the file, in order. */
  migrations: string[];
  hunks: Hunk[];
  text: string;
}

export interface MigrationRun {
  changes: FileChange[];
  /** Files a migration could not change: their path and why. */
  failures: Array<{ path: string; migration: string; error: string }>;
  migrations: Migration[];
}

/**
 * Runs every migration over the project's claim and source files, in memory: the caller
 * writes the changed files (or, for a dry run, only shows them). A file that does not parse
 * is left to `claimcheck` to report; a migration that cannot edit a file cleanly leaves it
 * as it was and says so.
 */
export async function planMigrations(root: string, globs: { claims: string[]; sources: string[] }, only?: readonly string[]): Promise<MigrationRun> {
  const known = await loadMigrations();
  const unknown = (only ?? []).filter((id) => !known.some((m) => m.id === id));
  if (unknown.length > 0) {
    const ids = known.map((m) => m.id);
    const suggestion = didYouMean(unknown[0]!, ids);
    throw new UsageError("bad-argument", `no migration "${unknown[0]}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}; migrations: ${ids.join(", ")}`);
  }
  const migrations = only && only.length > 0 ? known.filter((m) => only.includes(m.id)) : known;
  // A folder refused at discovery (a link out of the repository) stands for files that are never read.
  const discovered = (await discover(root, globs.claims, globs.sources)).filter((f) => !f.refused);
  const files: MigrationFile[] = [];
  for (const f of discovered) files.push({ path: f.file, role: f.role, text: await readFile(path.join(root, f.file), "utf8") });
  const view: ProjectView = {
    files: files.map((f) => ({ path: f.path, role: f.role, data: parseQuietly(f.text) })),
  };
  const changes: FileChange[] = [];
  const failures: MigrationRun["failures"] = [];
  files.forEach((file, i) => {
    if (view.files[i]!.data === undefined) return;
    let text = file.text;
    const applied: string[] = [];
    for (const migration of migrations) {
      try {
        const next = migration.migrate({ ...file, text }, view);
        if (next !== text) applied.push(migration.id);
        text = next;
      } catch (error) {
        failures.push({ path: file.path, migration: migration.id, error: (error as Error).message });
      }
    }
    if (text !== file.text) changes.push({ path: file.path, migrations: applied, hunks: lineDiff(file.text, text), text });
  });
  return { changes, failures, migrations };
}

function parseQuietly(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: true });
  } catch {
    return undefined;
  }
}

export async function applyChanges(root: string, changes: FileChange[]): Promise<void> {
  for (const change of changes) await writeFile(path.join(root, change.path), change.text);
}

/** A diff-like summary: per file, the migrations that changed it and the lines they touch. */
export function describeChanges(run: MigrationRun, dryRun: boolean): string {
  const out: string[] = [];
  for (const change of run.changes) {
    out.push(`${change.path}: ${change.migrations.join(", ")}`);
    for (const hunk of change.hunks) {
      out.push(`  @@ line ${hunk.line}`);
      for (const line of hunk.removed) out.push(`  - ${line}`);
      for (const line of hunk.added) out.push(`  + ${line}`);
    }
  }
  for (const failure of run.failures) out.push(`${failure.path}: ${failure.migration} could not be applied: ${failure.error}`);
  const n = run.changes.length;
  const files = `${n} ${n === 1 ? "file" : "files"}`;
  if (n === 0) out.push(`nothing to migrate (${run.migrations.length} ${run.migrations.length === 1 ? "migration" : "migrations"} checked)`);
  else out.push(dryRun ? `${files} would change (dry run: nothing written)` : `${files} migrated`);
  return `${out.join("\n")}\n`;
}
