import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/load/load-project.js";
import { renderMessage } from "../../src/model/render-message.js";
import { DEFAULT_LIMITS } from "../../src/options/limits.js";

// Text in a message's data is shown as written: `$&`, `$1` and `$$` mean something to
// String.replace with a string replacement, and nothing to us.

const REPLACEMENT_PATTERNS = "$& $1 $$ $` $'";

describe("renderMessage", () => {
  it("fills placeholders with the data as written, replacement patterns included", () => {
    expect(renderMessage('unknown key "{key}" in {file}', { key: REPLACEMENT_PATTERNS, file: "$$.yaml" })).toBe(`unknown key "${REPLACEMENT_PATTERNS}" in $$.yaml`);
  });
});

describe("the loader's read error", () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });

  it("keeps replacement patterns of its detail (the file name in the system's error)", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-messages-"));
    // A file that discovery found and that is gone when read: the system's error names it.
    const file = `claims/a/${REPLACEMENT_PATTERNS}.yaml`;
    const [loaded] = await loadProject([{ file, role: "claim", article: "a" }], { root, limits: DEFAULT_LIMITS });
    const [finding] = loaded!.diagnostics;
    expect(finding).toMatchObject({ ruleId: "parse", messageId: "readError" });
    expect(finding!.message).toContain(REPLACEMENT_PATTERNS);
    expect(finding!.message).toBe(`could not read file: ${String(finding!.data["detail"])}`);
  });
});
