import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The installed package's own folder (this file is dist/scaffold/package-files.js in it). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The example workflow the package ships; `claimcheck init` copies it as it is at run time. */
export const PACKAGE_WORKFLOW = path.join(PACKAGE_ROOT, ".github", "workflows", "claimcheck.yml");

/**
 * The schema a new file's modeline points at, relative to the folder the file is in: the
 * project's own schema/ if it has one (this repository), else the installed package's.
 */
export function schemaPathFrom(root: string, folder: string, kind: "claim" | "source" | "entities" | "article" | "config"): string {
  const local = path.join(root, "schema", `${kind}.schema.json`);
  const target = existsSync(local) ? local : path.join(PACKAGE_ROOT, "schema", `${kind}.schema.json`);
  return path.relative(folder, target).split(path.sep).join("/");
}
