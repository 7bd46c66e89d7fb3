import type { LoadedDoc } from "./document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { SnapshotState } from "./snapshot.js";
import type { DiscoveredFile } from "./discover.js";

/**
 * One discovered file after loading (src/load/load-project.ts reads, parses and validates
 * them): its document when it parsed, the valid document when it also passed its schema,
 * and its diagnostics either way.
 */
export interface LoadedFile {
  file: DiscoveredFile;
  doc?: LoadedDoc;
  valid?: ValidDoc;
  diagnostics: Diagnostic[];
}

/** A document that passed its schema, sorted into its kind. */
export type ValidDoc =
  | { kind: "claim"; doc: LoadedDoc; article: string }
  | { kind: "source"; doc: LoadedDoc; snapshot?: SnapshotState }
  | { kind: "entities"; doc: LoadedDoc }
  | { kind: "article"; doc: LoadedDoc; article: string };
