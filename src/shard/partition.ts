import { createHash } from "node:crypto";
import { summarise } from "../engine/result.js";
import { UsageError } from "../errors.js";
import type { RunResult, TimelineEntry } from "../model/result.js";

/** One shard of a CI matrix: `index` of `count`, 1-based, as `--shard 2/4` says. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `--shard i/n`. */
export function parseShard(spec: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 10_000) {
    throw new UsageError("bad-argument", `--shard takes i/n with 1 <= i <= n, such as 2/4; not "${spec}"`);
  }
  return { index, count };
}

/**
 * The shard a claim file belongs to: a stable hash of its path (relative to the root, forward
 * slashes) modulo the shard count, plus one. Stable across machines and runs, and a new claim
 * never moves the others.
 */
export function shardOfFile(file: string, count: number): number {
  const digest = createHash("sha256").update(file).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The claim files of one shard. */
export function shardClaimFiles(claimFiles: Iterable<string>, shard: Shard): Set<string> {
  return new Set([...claimFiles].filter((file) => shardOfFile(file, shard.count) === shard.index));
}

/**
 * The part of a run's result that one shard reports — of a run that evaluated only the shard's
 * claims (`claimFiles` then names every claim file of the project), or of a full run: its claims, the diagnostics in its
 * claim files, and — on shard 1 only — every diagnostic outside claim files (sources, the
 * entity registry, article maps), so each is reported once over the matrix. Articles, sources
 * and rules are the whole project's in every shard (they are the same everywhere, and a
 * shard's report stays readable); the timeline keeps the shard's claims. `claimcheck merge`
 * puts the shards back together into exactly the unsharded result.
 */
export function shardResult(result: RunResult, shard: Shard, claimFiles: ReadonlySet<string> = new Set(result.claims.map((c) => c.file))): RunResult {
  const mine = (file: string) => shardOfFile(file, shard.count) === shard.index;
  const claims = result.claims.filter((c) => mine(c.file));
  const claimIds = new Set(claims.map((c) => c.id));
  const diagnostics = result.diagnostics.filter((d) => (claimFiles.has(d.at.file) ? mine(d.at.file) : shard.index === 1));
  const timeline: TimelineEntry[] = [];
  for (const entry of result.timeline) {
    const kept = entry.claims.filter((id) => claimIds.has(id));
    if (kept.length > 0) timeline.push({ ...entry, claims: kept });
  }
  return {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    summary: summarise(claims, diagnostics, result.summary.files),
    articles: result.articles,
    claims,
    sources: result.sources,
    timeline,
    rules: result.rules,
    diagnostics,
  };
}
