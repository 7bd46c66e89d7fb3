import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { tempDir } from "./helpers.js";

// ajv-formats is CommonJS: its plugin is the module's `default` under NodeNext.
const addFormats = addFormatsModule.default;

const here = dirname(fileURLToPath(import.meta.url));
export const JUNIT_XSD = join(here, "schemas/junit-10.xsd");
export const SARIF_SCHEMA = join(here, "schemas/sarif-schema-2.1.0.json");
export const RESULT_SCHEMA = join(here, "../../schema/result.schema.json");

/**
 * Validates JUnit XML with xmllint (Debian's libxml2-utils) against the Jenkins
 * junit-10.xsd. A missing xmllint is a failure, not a skip: CI installs it.
 */
export function xmllintErrors(xml: string): string | undefined {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined) {
    throw new Error("xmllint is not installed: run `apt-get install -y libxml2-utils` (.ci/run installs it)");
  }
  const folder = tempDir("junit");
  try {
    const file = join(folder, "junit.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--schema", JUNIT_XSD, file], { encoding: "utf8" });
    return run.status === 0 ? undefined : `${run.stderr}${run.stdout}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function xmllintAvailable(): string {
  return execFileSync("xmllint", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Validates a SARIF log against the official SARIF 2.1.0 JSON Schema (draft-07). */
export function sarifErrors(text: string): unknown[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")) as object);
  return validate(JSON.parse(text)) ? [] : [...(validate.errors ?? [])];
}

/** Validates a result document against schema/result.schema.json. */
export function resultErrors(text: string): unknown[] {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(RESULT_SCHEMA, "utf8")) as object);
  return validate(JSON.parse(text)) ? [] : [...(validate.errors ?? [])];
}
