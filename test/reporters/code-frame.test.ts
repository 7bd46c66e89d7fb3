import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeFrame, FRAME_WIDTH } from "../../src/reporters/code-frame.js";
import { runCli } from "../helpers/cli.js";

const plain = pc.createColors(false);

/** The character the caret line points at, read off the frame's line above it. */
function pointedAt(frame: string): string {
  const lines = frame.split("\n");
  const caretLine = lines.findIndex((l) => l.trimStart().startsWith("|") && l.includes("^"));
  const column = lines[caretLine]!.indexOf("^");
  return lines[caretLine - 1]![column]!;
}

describe("code frames", () => {
  it("show short lines whole, the caret under the column", () => {
    const frame = codeFrame("a: 1\nquote: the last meeting\nb: 2\n", { file: "f", line: 2, column: 8, endLine: 2, endColumn: 24 }, plain);
    expect(frame).toBe(["  1 | a: 1", "> 2 | quote: the last meeting", "    |        ^^^^^^^^^^^^^^^^", "  3 | b: 2"].join("\n"));
  });

  it("cut a long line to a window around the column, with ellipses, caret still on its character", () => {
    const line = `${"x".repeat(5000)}Y${"z".repeat(5000)}`;
    const frame = codeFrame(`${line}\n${line}\n${line}`, { file: "f", line: 2, column: 5001 }, plain);
    for (const l of frame.split("\n")) expect(l.length).toBeLessThanOrEqual(FRAME_WIDTH + 12);
    expect(frame).toContain("…x");
    expect(frame).toContain("z…");
    expect(pointedAt(frame)).toBe("Y");
  });

  it("keeps the caret right at the start and the end of a long line", () => {
    const line = `A${"-".repeat(1000)}B`;
    expect(pointedAt(codeFrame(line, { file: "f", line: 1, column: 1 }, plain))).toBe("A");
    expect(pointedAt(codeFrame(line, { file: "f", line: 1, column: 1002 }, plain))).toBe("B");
  });

  it("never splits a character made of two code units", () => {
    const line = "😀".repeat(500);
    for (const column of [1, 2, 101, 102, 999, 1000]) {
      const frame = codeFrame(line, { file: "f", line: 1, column }, plain);
      expect(frame).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});

describe("a huge one-line file through the CLI", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-frame-"));
    await mkdir(path.join(root, "claims", "a"), { recursive: true });
    await mkdir(path.join(root, "sources"), { recursive: true });
    await writeFile(path.join(root, "sources", "entities.yaml"), "entities: {}\n");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("prints its finding and a bounded frame, not the file (3 MB on one line: 3 MB echoed before)", async () => {
    await writeFile(path.join(root, "claims", "a", "huge.yaml"), `id: huge\ntext: "${"y".repeat(3_000_000)}"\n`);
    await writeFile(path.join(root, "claims", "a", "long.yaml"), `id: long\ntext: "${"w".repeat(200_000)}" bad: [\n`);
    const run = await runCli(["--format", "terminal"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/claims\/a\/huge\.yaml:1:1 +error +file is \d+ bytes, over the limit of 1048576/);
    // The file under the limit with a syntax error on its long line still gets a frame, cut short.
    expect(run.stdout).toContain("claims/a/long.yaml:2:");
    expect(run.stdout).toMatch(/\| …w+/);
    expect(run.stdout.length).toBeLessThan(10_000);
  });
});
