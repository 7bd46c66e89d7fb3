import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedDoc } from "../load/document.js";
import type { LoadLimits } from "../load/limits.js";
import { loaderMessages } from "../load/messages.js";
import { loadYaml } from "../load/yaml-load.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ValidDoc } from "../project/build.js";
import type { SourceRecord } from "../project/types.js";
import { validateDoc, type DocKind } from "../schema/validate.js";
import type { DiscoveredFile } from "./discover.js";
import { readSnapshot } from "./snapshot.js";

/** One discovered file after loading: its document when it parsed, its diagnostics either way. */
export interface LoadedFile {
  file: DiscoveredFile;
  doc?: LoadedDoc;
  valid?: ValidDoc;
  diagnostics: Diagnostic[];
}

const KIND_OF_ROLE: Record<DiscoveredFile["role"], DocKind> = {
  claim: "claim",
  article: "article",
  source: "source",
  entities: "entities",
};

/** Reads, parses and validates one file. Never throws for bad input. */
export async function loadFile(root: string, file: DiscoveredFile, limits: LoadLimits): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, file.file));
  } catch (error) {
    const detail = (error as Error).message;
    return {
      file,
      diagnostics: [
        {
          ruleId: "parse",
          messageId: "readError",
          data: { detail },
          message: loaderMessages.readError.replace("{detail}", detail),
          severity: "error",
          at: { file: file.file, line: 1, column: 1 },
          docs: "docs/rules/parse.md",
        },
      ],
    };
  }
  const outcome = loadYaml(file.file, bytes, limits);
  if (!outcome.ok) return { file, diagnostics: outcome.diagnostics };
  const doc = outcome.doc;
  const schemaDiagnostics = validateDoc(doc, KIND_OF_ROLE[file.role]);
  const diagnostics = [...outcome.diagnostics, ...schemaDiagnostics];
  if (schemaDiagnostics.length > 0) return { file, doc, diagnostics };
  let valid: ValidDoc;
  switch (file.role) {
    case "claim":
      valid = { kind: "claim", doc, article: file.article ?? "default" };
      break;
    case "article":
      valid = { kind: "article", doc, article: file.article ?? "default" };
      break;
    case "entities":
      valid = { kind: "entities", doc };
      break;
    case "source": {
      const snapshotPath = (doc.data as SourceRecord).snapshot?.path;
      const snapshot = snapshotPath === undefined ? undefined : await readSnapshot(root, file.file, snapshotPath);
      valid = { kind: "source", doc, snapshot };
      break;
    }
  }
  return { file, doc, valid, diagnostics };
}
