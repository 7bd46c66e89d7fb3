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

/**
 * What Microsoft's SARIF multitool (`sarif validate`) would say about a log's tool and rule
 * metadata, by the checks its rules apply (microsoft/sarif-sdk,
 * src/Sarif.Multitool.Library/Rules): SARIF2012 ProvideRuleProperties (every rule has a
 * friendly `name` that is one Pascal identifier, each capital followed by lower-case letters
 * or digits, and a `helpUri`), SARIF1005 UriMustBeAbsolute (`helpUri` and the log's `$schema`
 * are absolute), SARIF2005 ProvideHelpfulToolInformation (a driver name of at most three words
 * and a version that starts with numbers), SARIF2008 ProvideSchema. The multitool is a .NET
 * tool we cannot run here, so its checks are written out. Beyond it: a name must not repeat
 * the id, and `informationUri` must be an absolute http(s) address too.
 * SARIF2009's advice to number rule ids (`CS2001`) is deliberately not followed: claimcheck's
 * ids are words, as ESLint's are.
 */
export function sarifMultitoolFindings(text: string): string[] {
  const log = JSON.parse(text) as {
    $schema?: string;
    runs: Array<{ tool: { driver: { name?: string; version?: string; semanticVersion?: string; informationUri?: string; rules?: Array<{ id: string; name?: string; helpUri?: string }> } } }>;
  };
  const findings: string[] = [];
  const absolute = (value: string): boolean => {
    try {
      return /^https?:$/.test(new URL(value).protocol);
    } catch {
      return false;
    }
  };
  // The multitool's own pattern, as .NET writes it: ^(\p{Lu}[\p{Ll}\p{Nd}]+)*$
  const pascal = /^(?:\p{Lu}[\p{Ll}\p{Nd}]+)*$/u;
  if (log.$schema === undefined) findings.push("SARIF2008: no $schema");
  else if (!absolute(log.$schema)) findings.push(`SARIF1005: $schema ${log.$schema} is not absolute`);
  for (const [r, run] of log.runs.entries()) {
    const driver = run.tool.driver;
    if ((driver.name ?? "").split(" ").length > 3) findings.push(`SARIF2005: runs[${r}] tool name "${driver.name}" is longer than three words`);
    const version = driver.version ?? driver.semanticVersion;
    if (version === undefined || version.trim() === "") findings.push(`SARIF2005: runs[${r}] has no tool version`);
    else if (!/^\d+\.\d+/.test(version)) findings.push(`SARIF2005: runs[${r}] tool version "${version}" is not numeric`);
    if (driver.informationUri === undefined) findings.push(`runs[${r}]: no informationUri`);
    else if (!absolute(driver.informationUri)) findings.push(`runs[${r}]: informationUri ${driver.informationUri} is not an absolute http(s) address`);
    for (const rule of driver.rules ?? []) {
      if (rule.name === undefined || rule.name.trim() === "") findings.push(`SARIF2012: rule ${rule.id} has no friendly name`);
      else if (!pascal.test(rule.name)) findings.push(`SARIF2012: rule ${rule.id}: name "${rule.name}" is not a Pascal identifier`);
      if (rule.name === rule.id) findings.push(`rule ${rule.id}: name repeats the id`);
      if (rule.helpUri === undefined) findings.push(`SARIF2012: rule ${rule.id} has no helpUri`);
      else if (!absolute(rule.helpUri)) findings.push(`SARIF1005: rule ${rule.id}: helpUri ${rule.helpUri} is not absolute`);
    }
  }
  return findings;
}

/**
 * What a ClaimReview graph lacks of the properties Google's Fact Check markup documentation
 * requires (`claimReviewed`, `reviewRating` with its textual `alternateName`, `url`) and
 * recommends (`author` with a name, `datePublished`, `itemReviewed` as a `Claim` with
 * `author`, `datePublished` and `appearance`), as the project's research notes list them
 * (shared/research/evidence-and-publishing.md). A numeric rating must lie between
 * `worstRating` and `bestRating`; addresses must be absolute http(s).
 */
export function claimReviewProblems(text: string): string[] {
  type Node = Record<string, unknown>;
  const doc = JSON.parse(text) as { "@context"?: string; "@graph"?: Node[] };
  const problems: string[] = [];
  if (doc["@context"] !== "https://schema.org") problems.push("@context is not https://schema.org");
  const http = (value: unknown): boolean => typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
  const filled = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";
  const isoDate = (value: unknown): boolean => typeof value === "string" && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
  for (const review of doc["@graph"] ?? []) {
    const id = String(review["@id"]);
    const need = (ok: boolean, what: string) => {
      if (!ok) problems.push(`${id}: ${what}`);
    };
    need(review["@type"] === "ClaimReview", "@type is not ClaimReview");
    need(filled(review["claimReviewed"]), "no claimReviewed (required)");
    need(http(review["url"]), "no http(s) url (required)");
    const rating = (review["reviewRating"] ?? {}) as Node;
    need(rating["@type"] === "Rating", "reviewRating is not a Rating (required)");
    need(filled(rating["alternateName"]), "no reviewRating.alternateName (required)");
    if (rating["ratingValue"] !== undefined) {
      const [value, best, worst] = [rating["ratingValue"], rating["bestRating"], rating["worstRating"]].map(Number) as [number, number, number];
      need(worst <= value && value <= best, "ratingValue outside worstRating..bestRating");
    }
    const author = (review["author"] ?? {}) as Node;
    need(filled(author["name"]), "no author.name (recommended)");
    if (author["url"] !== undefined) need(http(author["url"]), "author.url is not an http(s) address");
    need(isoDate(review["datePublished"]), "no datePublished (recommended)");
    const item = (review["itemReviewed"] ?? {}) as Node;
    need(item["@type"] === "Claim", "itemReviewed is not a Claim (recommended)");
    need(filled(((item["author"] ?? {}) as Node)["name"]), "no itemReviewed.author.name (recommended)");
    need(isoDate(item["datePublished"]), "no itemReviewed.datePublished (recommended)");
    const appearance = item["appearance"];
    need(Array.isArray(appearance) && appearance.length > 0 && appearance.every((work) => http((work as Node)["url"])), "no itemReviewed.appearance with a url (recommended)");
  }
  return problems;
}
