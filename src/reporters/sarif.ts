import { createHash } from "node:crypto";
import type * as Sarif from "sarif";
import type { Diagnostic } from "../model/diagnostic.js";
import type { RuleSummary } from "../model/result.js";
import { compareText, reportOrderHead, stableJson } from "./order.js";
import { docsAddress } from "./settings.js";
import { wholeReport } from "./stream.js";
import type { StreamReporter } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** Key of our fingerprint in `partialFingerprints`; the suffix versions the scheme. */
export const FINGERPRINT_KEY = "claimcheckFinding/v1";

// Findings of the loader and the schema check carry these rule ids without a rule module.
const BUILT_IN_RULES: Readonly<Record<string, Omit<RuleSummary, "id">>> = {
  parse: { description: "A file could not be read or parsed as YAML.", severity: "error", docs: "docs/rules/parse.md" },
  schema: {
    description: "A file does not match its JSON Schema (a misspelt key, a wrong type, a missing field).",
    severity: "error",
    docs: "docs/rules/schema.md",
  },
};

/**
 * The stable part of a finding's identity: sha256 of the rule id, the file, the message
 * id and the message data, and never its line or column, so a finding keeps its
 * fingerprint when lines are added above it. Identical findings in one file are told
 * apart by a 1-based occurrence number in position order.
 */
export function fingerprintOf(d: Diagnostic): string {
  return createHash("sha256")
    .update([d.ruleId, d.at.file, d.messageId, stableJson(d.data)].join("\u0000"))
    .digest("hex");
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules with
 * help text, one result per diagnostic with its region and a stable fingerprint. Written
 * result by result: the rules come from the head, and no claim is read.
 */
export const sarifStream: StreamReporter = (doc, options) => {
  const result = reportOrderHead(doc.head);
  const version = result.tool.version;
  const docs = (file: string) => docsAddress(file, version, options.settings);
  const rules = ruleList(result.rules, result.diagnostics);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const occurrences = new Map<string, number>();

  const sarifResult = (d: Diagnostic): Sarif.Result => {
    const hash = fingerprintOf(d);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    const out: Sarif.Result = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
      level: d.severity,
      message: { text: d.message },
      locations: [location(d.at)],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
    };
    if (d.related !== undefined && d.related.length > 0) {
      out.relatedLocations = d.related.map((related, index) => ({
        id: index + 1,
        ...location(related.at),
        message: { text: related.message },
      }));
    }
    const properties: Sarif.PropertyBag = { messageId: d.messageId };
    if (d.claimId !== undefined) properties["claimId"] = d.claimId;
    out.properties = properties;
    return out;
  };

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version,
            semanticVersion: version,
            ...optional("informationUri", docs("README.md")),
            rules: rules.map((rule) => ruleDescriptor(rule, docs(rule.docs))),
          },
        },
        columnKind: "utf16CodeUnits",
        results: [],
      },
    ],
  };
  // The log as JSON.stringify(log, null, 2) lays it out, its results (the last member of
  // the one run) written one by one where the empty list stands.
  const [before, after] = splitAround(`${JSON.stringify(log, null, 2)}\n`, `"results": []`);
  return {
    *head() {
      yield `${before}"results": [`;
      let first = true;
      for (const d of result.diagnostics) {
        yield `${first ? "\n        " : ",\n        "}${JSON.stringify(sarifResult(d), null, 2).replaceAll("\n", "\n        ")}`;
        first = false;
      }
      yield `${first ? "" : "\n      "}]${after}`;
    },
    tail: () => [],
  };
};

export const sarif = wholeReport(sarifStream, { sorted: true });

/** The text before and after the one occurrence of `marker`. */
function splitAround(text: string, marker: string): [string, string] {
  const at = text.lastIndexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

function ruleList(rules: RuleSummary[], diagnostics: Diagnostic[]): RuleSummary[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const d of diagnostics) {
    if (byId.has(d.ruleId)) continue;
    const builtIn = BUILT_IN_RULES[d.ruleId];
    byId.set(d.ruleId, {
      id: d.ruleId,
      description: builtIn?.description ?? `Findings of ${d.ruleId}.`,
      severity: builtIn?.severity ?? d.severity,
      docs: builtIn?.docs ?? d.docs ?? `docs/rules/${d.ruleId}.md`,
    });
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function ruleDescriptor(rule: RuleSummary, helpUri: string | undefined): Sarif.ReportingDescriptor {
  const firstSentence = rule.description.split(/(?<=\.)\s/)[0] ?? rule.description;
  const page = helpUri ?? rule.docs;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: firstSentence },
    fullDescription: { text: rule.description },
    // SARIF wants helpUri absolute (docs-base-url makes it so); without one the path stays in the help text.
    ...optional("helpUri", helpUri),
    help: {
      text: `${rule.description} See ${page}.`,
      markdown: `${rule.description}\n\nSee [${rule.id}](${page}).`,
    },
    // A rule turned off in this run is listed, disabled, so a viewer can tell it was not run.
    defaultConfiguration: rule.severity === "off" ? { enabled: false, level: "none" } : { level: rule.severity },
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/**
 * A rule's friendly name, as SARIF viewers show it beside the id: one PascalCase word
 * (`quote-found` → `QuoteFound`) in which every capital is followed by lower-case letters or
 * digits, the form the SARIF multitool asks for. A part that starts with a digit joins the
 * part before it and a one-letter part the part after it (`a-b-2` → `Ab2`), since a capital
 * on its own would break that form.
 */
export function ruleName(id: string): string {
  const tokens: string[] = [];
  for (const part of id.toLowerCase().split(/[^a-z0-9]+/)) {
    if (part === "") continue;
    const last = tokens.length - 1;
    if (last >= 0 && (/^[0-9]/.test(part) || tokens[last]!.length === 1)) tokens[last] += part;
    else tokens.push(part);
  }
  const name = tokens.map((token) => `${token[0]!.toUpperCase()}${token.slice(1)}`).join("");
  return /^(?:[A-Z][a-z0-9]+)+$/.test(name) ? name : `Rule${name.toLowerCase()}`;
}

function location(at: Diagnostic["at"]): Sarif.Location {
  const region: Sarif.Region = { startLine: at.line, startColumn: at.column };
  if (at.endLine !== undefined) region.endLine = at.endLine;
  if (at.endColumn !== undefined) region.endColumn = at.endColumn;
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUriPath(at.file), uriBaseId: "%SRCROOT%" },
      region,
    },
  };
}

/** A relative file path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUriPath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
