import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { repositoryPathProblem } from "../paths/repository-paths.js";
import { UsageError } from "../errors.js";
import type { RunResult } from "../model/result.js";
import { stripControl } from "../reporters/escape.js";

// ajv's compiler is loaded only by `merge`, the one command that reads results back.
const require = createRequire(import.meta.url);
const RESULT_SCHEMA = fileURLToPath(new URL("../../schema/result.schema.json", import.meta.url));

let validate: ValidateFunction | undefined;

function resultValidator(): ValidateFunction {
  if (!validate) {
    const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    const addFormats = require("ajv-formats") as (ajv: Ajv2020) => void;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(RESULT_SCHEMA, "utf8")) as object);
  }
  return validate;
}

/** Schema errors shown per shard: the first few say what is wrong; the rest would bury them. */
const SHOWN_ERRORS = 3;

/**
 * Checks a shard's parsed JSON before `merge` uses it: it must be a result document as
 * schema/result.schema.json describes it, and every file it names must be a path inside the
 * repository (relative, no "..", not into .git), since merge prints code frames from those
 * files. Shards come from one trusted workflow (docs/security.md); this turns a damaged or
 * foreign file into a clear usage error (exit 2) instead of a crash or a read elsewhere.
 */
export function checkShard(value: unknown, shown: string): RunResult {
  const validator = resultValidator();
  if (!validator(value)) {
    const errors = validator.errors ?? [];
    const listed = errors.slice(0, SHOWN_ERRORS).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : ""}`);
    const more = errors.length > SHOWN_ERRORS ? `; and ${errors.length - SHOWN_ERRORS} more` : "";
    throw new UsageError("bad-shard", stripControl(`${shown} is not a claimcheck result as schema/result.schema.json describes it: ${listed.join("; ")}${more}`));
  }
  const outside = fileOutsideRepository(value, "");
  if (outside) {
    throw new UsageError(
      "bad-shard",
      stripControl(`${shown}: ${outside.pointer} names "${outside.file}", which is not a file of the repository (${outside.problem}); merge takes results of one run over one repository`),
    );
  }
  return value as RunResult;
}

const PROBLEM_WORDS = { nul: "it holds a NUL", absolute: "an absolute path", climbs: 'it climbs out with ".."', intoGit: "it leads into .git" } as const;

/** The first `file` value anywhere in the document that does not name a file of the repository. */
function fileOutsideRepository(value: unknown, pointer: string): { pointer: string; file: string; problem: string } | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = fileOutsideRepository(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "file" && typeof child === "string") {
        const problem = repositoryPathProblem(child);
        if (problem) return { pointer: `${pointer}/file`, file: child, problem: PROBLEM_WORDS[problem] };
      } else {
        const found = fileOutsideRepository(child, `${pointer}/${key}`);
        if (found) return found;
      }
    }
  }
  return undefined;
}
