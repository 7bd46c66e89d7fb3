import type { LoadedDoc } from "../load/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ValidDoc } from "../project/build.js";
import type { DiscoveredFile } from "./discover.js";

/**
 * One discovered file after loading (src/cache/load-project.ts reads, parses and validates
 * them): its document when it parsed, the valid document when it also passed its schema,
 * and its diagnostics either way.
 */
export interface LoadedFile {
  file: DiscoveredFile;
  doc?: LoadedDoc;
  valid?: ValidDoc;
  diagnostics: Diagnostic[];
}
