import { writeRepoFile } from "../../capture/repo-file.js";
import { loadSourceRecords } from "../../capture/source-records.js";
import { resolveRunOptions } from "../../config/resolve.js";
import { YamlEditor } from "../../edit/yaml-editor.js";
import { UsageError } from "../../errors.js";
import { stripControl } from "../../reporters/escape.js";
import { parseCommandArgs } from "../command-args.js";
import type { CliIO } from "../io.js";
import { pickSources } from "../network-run.js";

export const REHASH_HELP = `claimcheck rehash — record the sha256 of snapshots whose text was changed on purpose

Usage
  claimcheck rehash <source-id>... [-C <dir>] [--config <file>]

For each source: reads its snapshot file as the check reads it and writes the file's sha256
into the record's snapshot: (editing the YAML in place; comments and key order stay). The
check (rule snapshot-valid) names this command when a snapshot's hash does not match. A
snapshot made by claimcheck capture is captured again instead (claimcheck capture <id>),
since its record also holds the hash of the page it was read from.

Exit codes: 0 every hash recorded (or already right); 2 bad usage, an unknown source, or a
snapshot that cannot be read.
`;

/** `claimcheck rehash <source-id>…`: returns the exit code. */
export async function runRehash(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs("rehash", argv, {
    root: { type: "string", short: "C" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(REHASH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("bad-argument", "rehash takes the ids of the sources whose snapshots changed: claimcheck rehash <source-id>…");
  const { root, options } = await resolveRunOptions({ root: values.root, config: values.config }, io);
  const records = await loadSourceRecords(options);
  const picked = pickSources(records.sources, [...new Set(positionals)], records.broken);
  // Every source is checked before any file is written: one bad id or unreadable snapshot changes nothing.
  const edits: Array<{ file: string; text: string; line: string }> = [];
  for (const entry of picked) {
    const declared = entry.record.snapshot;
    const snapshot = entry.snapshot;
    if (!declared || !snapshot) throw new UsageError("bad-argument", `source "${entry.id}" (${entry.file}) has no snapshot to hash`);
    if (declared["text-sha256"] !== undefined) {
      throw new UsageError("bad-argument", `the snapshot of "${entry.id}" was made by claimcheck capture; capture it again instead: claimcheck capture ${entry.id}`);
    }
    if (!snapshot.ok) throw new UsageError("bad-argument", `the snapshot of "${entry.id}" (${stripControl(declared.path)}) cannot be used: ${stripControl(snapshot.detail)}`);
    if (snapshot.sha256 === declared.sha256) {
      io.stdout(`${entry.file}: sha256 already ${snapshot.sha256}\n`);
      continue;
    }
    const text = new YamlEditor(entry.doc.text).set(["snapshot", "sha256"], snapshot.sha256).text;
    edits.push({ file: entry.file, text, line: `${entry.file}: sha256 ${declared.sha256} → ${snapshot.sha256}\n` });
  }
  for (const edit of edits) {
    await writeRepoFile(root, edit.file, edit.text);
    io.stdout(edit.line);
  }
  return 0;
}
