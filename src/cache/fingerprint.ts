import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RunOptions } from "../options/run-options.js";

const SCHEMA_DIR = fileURLToPath(new URL("../../schema/", import.meta.url));

let schemaHash: string | undefined;

/** sha256 over every schema file, by name: a changed schema invalidates every cached validation. */
export function schemasFingerprint(): string {
  if (schemaHash === undefined) {
    const hash = createHash("sha256");
    for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith(".json")).sort()) {
      hash.update(name).update("\0").update(readFileSync(`${SCHEMA_DIR}${name}`)).update("\0");
    }
    schemaHash = hash.digest("hex");
  }
  return schemaHash;
}

/**
 * What a cache's entries depend on besides each file's bytes: the tool's version, the schemas,
 * the configuration (globs, limits, rule settings) and the serialiser's format. Any change
 * drops the whole cache.
 */
export function cacheFingerprint(options: Pick<RunOptions, "version" | "claims" | "sources" | "limits" | "rules">): string {
  const configuration = JSON.stringify({
    claims: options.claims,
    sources: options.sources,
    limits: Object.entries(options.limits).sort(([a], [b]) => (a < b ? -1 : 1)),
    rules: Object.entries(options.rules).sort(([a], [b]) => (a < b ? -1 : 1)),
  });
  return createHash("sha256")
    .update(`claimcheck ${options.version}\0schemas ${schemasFingerprint()}\0v8 ${process.versions.v8}\0${configuration}`)
    .digest("hex");
}
