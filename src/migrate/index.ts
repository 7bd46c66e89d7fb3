import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Migration } from "./migration.js";

export type { Migration, MigrationFile, ProjectView } from "./migration.js";

const FOLDER = new URL("./migrations/", import.meta.url);
const FILE = /^\d{3}-[a-z0-9-]+\.(js|ts)$/;

/**
 * Every migration, in the order of its file name. The folder is the list: adding a
 * migration is adding a file (src/migrate/migrations/NNN-<id>.ts exporting `migration`).
 */
export async function loadMigrations(): Promise<Migration[]> {
  const names = readdirSync(fileURLToPath(FOLDER))
    .filter((name) => FILE.test(name))
    .sort();
  const out: Migration[] = [];
  for (const name of names) {
    const module = (await import(pathToFileURL(fileURLToPath(new URL(name, FOLDER))).href)) as { migration?: Migration };
    if (!module.migration) throw new Error(`src/migrate/migrations/${name} exports no migration`);
    out.push(module.migration);
  }
  return out;
}
