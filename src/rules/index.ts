import { archiveUrl } from "./archive-url.js";
import { assertionHolds } from "./assertion-holds.js";
import { citationRequired } from "./citation-required.js";
import { citedFactsOnly } from "./cited-facts-only.js";
import { claimContradiction } from "./claim-contradiction.js";
import { claimInArticle } from "./claim-in-article.js";
import { datesValid } from "./dates-valid.js";
import { deprecatedFact } from "./deprecated-fact.js";
import { entityDeclared } from "./entity-declared.js";
import { evidenceSufficiency } from "./evidence-sufficiency.js";
import { excerptExists } from "./excerpt-exists.js";
import { excerptInSnapshot } from "./excerpt-in-snapshot.js";
import { factGrounded } from "./fact-grounded.js";
import { noPlaceholder } from "./no-placeholder.js";
import { orphanSource } from "./orphan-source.js";
import { quoteFound } from "./quote-found.js";
import { snapshotValid } from "./snapshot-valid.js";
import { sourceConflict } from "./source-conflict.js";
import { sourceExists } from "./source-exists.js";
import { sourceFreshness } from "./source-freshness.js";
import { sourceStanding } from "./source-standing.js";
import type { Rule } from "./types.js";
import { uniqueId } from "./unique-id.js";
import { valueTyped } from "./value-typed.js";

export type { Rule, RuleContext, Report, Locator } from "./types.js";

/** Every rule, sorted by id. A test checks this list against src/rules/, docs/rules/ and test/fixtures/. */
export const rules: readonly Rule[] = [
  archiveUrl,
  assertionHolds,
  citationRequired,
  citedFactsOnly,
  claimContradiction,
  claimInArticle,
  datesValid,
  deprecatedFact,
  entityDeclared,
  evidenceSufficiency,
  excerptExists,
  excerptInSnapshot,
  factGrounded,
  noPlaceholder,
  orphanSource,
  quoteFound,
  snapshotValid,
  sourceConflict,
  sourceExists,
  sourceFreshness,
  sourceStanding,
  uniqueId,
  valueTyped,
];

/**
 * Findings made outside the rules, with their own docs pages: by the loader before rules run
 * (parse, schema), and by `claimcheck recheck`, which reads the cited pages (source-drift;
 * rules never touch the network).
 */
export const builtinChecks: ReadonlyArray<{ id: string; description: string; severity: "error"; madeBy?: "recheck" }> = [
  { id: "parse", description: "Files are readable UTF-8 YAML within the size, alias and nesting limits.", severity: "error" },
  { id: "schema", description: "Files match their JSON Schema: no unknown keys, no missing ones, values of the right kind.", severity: "error" },
  {
    id: "source-drift",
    description: "A cited page still says what its source record quotes (checked by claimcheck recheck).",
    severity: "error",
    madeBy: "recheck",
  },
];
