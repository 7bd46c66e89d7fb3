import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutputs } from "../../src/cli/output.js";
import type { CliIO } from "../../src/cli/io.js";
import { checkLoadedStream } from "../../src/engine/run.js";
import { baseOptions } from "../../src/index.js";
import { loadRepository } from "../../src/load/load-files.js";
import { materialise, streamOf, type ResultStream } from "../../src/model/result-stream.js";
import { inReportOrder } from "../../src/reporters/order.js";
import { reporters } from "../../src/reporters/index.js";
import { fromJsDate } from "../../src/time/partial-date.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { makeHostileResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";
import { resultErrors } from "./validators.js";

/**
 * The JSON report is written claim by claim (src/reporters/json.ts); it must stay the same
 * bytes as `JSON.stringify(result, null, 2)` and valid against schema/result.schema.json.
 */
let dir: string;
let doc: ResultStream;
const io = (): CliIO => ({ cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-json-stream-"));
  const options = { ...baseOptions(REPO_ROOT), today: fromJsDate(new Date("2026-01-01T12:00:00Z")) };
  doc = checkLoadedStream(await loadRepository(options), options);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the streamed result", () => {
  it("JSON from the stream is JSON.stringify of the whole document, for the dataset and the hostile fixture", () => {
    const hostile = makeHostileResult();
    expect(reporters.json!(hostile, plainOptions())).toBe(`${JSON.stringify(hostile, null, 2)}\n`);
    expect(reporters.json!({ ...hostile, claims: [] }, plainOptions())).toBe(`${JSON.stringify({ ...hostile, claims: [] }, null, 2)}\n`);
    const whole = materialise(doc);
    expect(whole.claims.length).toBeGreaterThan(1);
    expect(reporters.json!(whole, plainOptions())).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it("a streamed JSON file parses, validates against the schema and is the whole document's bytes", async () => {
    const file = path.join(dir, "result.json");
    const ok = await writeOutputs(doc, [{ name: "json", file: { shown: file, format: "json", from: "command-line" } }], dir, pc.createColors(false), io(), false);
    expect(ok).toBe(true);
    const text = await readFile(file, "utf8");
    expect(resultErrors(text)).toEqual([]);
    expect(text).toBe(`${JSON.stringify(materialise(doc), null, 2)}\n`);
  });

  it.each([
    ["this repository's dataset", () => doc],
    ["the hostile fixture, with failed claims", () => streamOf(inReportOrder(makeHostileResult()))],
  ])("every report file is written from one pass over the claims, and the HTML's failed cards from one over the failed claims alone: %s", async (_, make) => {
    const source = make();
    const passes: Array<{ selected: boolean; built: string[] }> = [];
    const counted: ResultStream = {
      ...source,
      *claims(select) {
        const pass = { selected: select !== undefined, built: [] as string[] };
        passes.push(pass);
        for (const claim of source.claims(select)) {
          pass.built.push(claim.status);
          yield claim;
        }
      },
    };
    const files = ["json", "html", "sarif", "junit", "markdown"].map((name) => ({ name, file: { shown: path.join(dir, `all.${name}`), format: name, from: "command-line" as const } }));
    expect(await writeOutputs(counted, files, dir, pc.createColors(false), io(), false)).toBe(true);
    const failed = source.digests.filter((d) => d.status === "fail").length;
    expect(passes.map((p) => p.selected)).toEqual([true, false]);
    expect(passes[0]!.built).toEqual(Array(failed).fill("fail"));
    expect(passes[1]!.built).toHaveLength(source.digests.length);
    // And each file holds what its string reporter makes of the whole document.
    const whole = materialise(source);
    for (const { name, file } of files) expect(await readFile(file.shown, "utf8"), name).toBe(reporters[name]!(whole, plainOptions()));
  });

  it("the hostile fixture has failed and passed claims, so the passes above are told apart", () => {
    const statuses = new Set(makeHostileResult().claims.map((c) => c.status));
    expect(statuses).toEqual(new Set(["fail", "pass"]));
  });

  it("the digests agree with the claims they stand for", () => {
    const claims = [...doc.claims()];
    expect(doc.digests.map((d) => [d.id, d.file, d.status, d.declared, d.derived])).toEqual(claims.map((c) => [c.id, c.file, c.status, c.declared, c.derived]));
  });
});
