import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import * as precompiled from "./precompiled-validators.js";

export const SCHEMA_DIR = fileURLToPath(new URL("../../schema/", import.meta.url));

/** The document kinds compiled ahead of time, each with its schema file. */
export const PRECOMPILED_KINDS = ["claim", "source", "entities", "article", "config"] as const;

/** sha256 over the schema files a kind's validator is made from: the shared definitions and its own. */
export function schemaHashFor(kind: string): string | undefined {
  const own = `${SCHEMA_DIR}${kind}.schema.json`;
  if (!existsSync(own)) return undefined;
  return createHash("sha256")
    .update(readFileSync(`${SCHEMA_DIR}defs.schema.json`))
    .update("\0")
    .update(readFileSync(own))
    .digest("hex");
}

const checked = new Map<string, boolean>();

/** Whether the precompiled validator of a kind was made from that kind's schemas as they are now. */
export function precompiledIsCurrent(kind: string): boolean {
  let current = checked.get(kind);
  if (current === undefined) {
    const hashes = precompiled.SCHEMA_HASHES as Record<string, string>;
    current = hashes[kind] !== undefined && hashes[kind] === schemaHashFor(kind);
    checked.set(kind, current);
  }
  return current;
}

/**
 * The validator compiled ahead of time for a kind, or undefined when there is none or its
 * schemas changed since (validate.ts then compiles with ajv at run time).
 */
export function precompiledValidator(kind: string): ValidateFunction | undefined {
  if (!precompiledIsCurrent(kind)) return undefined;
  return (precompiled as unknown as Record<string, ValidateFunction>)[kind];
}
