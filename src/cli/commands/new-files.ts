import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../errors.js";
import { loadYaml } from "../../load/yaml-load.js";
import { validateDoc, type DocKind } from "../../schema/validate.js";

/** Writes a file that must not exist yet; checks it against its schema first. */
export async function writeNew(root: string, file: string, content: string, kind: DocKind): Promise<void> {
  const shown = relative(root, file);
  if (existsSync(file)) throw new UsageError("exists", `${shown} already exists; not overwritten`);
  selfCheck(shown, content, kind);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError("exists", `${shown} already exists; not overwritten`);
    throw error;
  }
}

/** A scaffold that fails its own schema is our bug, not the user's: never write it. */
export function selfCheck(shown: string, content: string, kind: DocKind): void {
  const outcome = loadYaml(shown, new TextEncoder().encode(content));
  const problems = outcome.ok ? validateDoc(outcome.doc, kind) : outcome.diagnostics;
  if (problems.length > 0) {
    throw new UsageError("bad-argument", `the values given do not make a valid ${kind} file: ${problems.map((p) => `${p.at.path ?? ""} ${p.message}`.trim()).join("; ")}`);
  }
}

export function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

export function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
}
