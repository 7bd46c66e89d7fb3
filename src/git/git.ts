import { execFile } from "node:child_process";
import { UsageError } from "../errors.js";

/** What changed in one file between the base commit and the working tree. */
export interface FileChange {
  /** Relative to the run's root, forward slashes. */
  file: string;
  status: "added" | "modified" | "deleted";
}

export interface ChangedFiles {
  /** The commit compared against: the merge base of the ref and HEAD. */
  base: string;
  changes: FileChange[];
}

/** Runs git with arguments (never through a shell) in `cwd`; resolves to its standard output. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || error.message).trim().split("\n")[0] ?? "";
        reject(Object.assign(new Error(detail), { code: (error as NodeJS.ErrnoException).code }));
      } else resolve(stdout);
    });
  });
}

/**
 * The files changed since `ref`, as a pull request sees them: the working tree (committed,
 * staged, unstaged and untracked changes) against the merge base of `ref` and HEAD. Paths are
 * relative to `root`; files outside it are left out. Renames count as a deletion and an addition,
 * since claims depend on ids, which a rename may change.
 */
export async function changedFiles(root: string, ref: string): Promise<ChangedFiles> {
  if (ref.startsWith("-")) throw new UsageError("bad-argument", `--changed takes a git ref, not "${ref}"`);
  try {
    await git(root, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("no-git", "--changed needs git, which is not installed");
    throw new UsageError("no-git", `--changed needs a git repository: ${(error as Error).message}`);
  }
  try {
    await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(
      "bad-ref",
      `--changed: no commit "${ref}" in this repository (in CI, fetch the base branch: actions/checkout with fetch-depth: 0)`,
    );
  }
  let base: string;
  try {
    base = (await git(root, ["merge-base", ref, "HEAD"])).trim();
  } catch {
    throw new UsageError("bad-ref", `--changed: "${ref}" and HEAD have no common commit (a shallow clone? fetch with fetch-depth: 0)`);
  }
  const diff = await git(root, ["diff", "--name-status", "--no-renames", "--relative", "-z", base, "--"]);
  const untracked = await git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  const byFile = new Map<string, FileChange>();
  const fields = diff.split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const code = fields[i]!;
    const file = fields[i + 1]!;
    if (code === "") continue;
    byFile.set(file, { file, status: code.startsWith("D") ? "deleted" : code.startsWith("A") ? "added" : "modified" });
  }
  for (const file of untracked.split("\0")) if (file !== "") byFile.set(file, { file, status: "added" });
  const changes = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { base, changes };
}

/** A file's content at a commit (path relative to `root`), or undefined where it did not exist. */
export async function showAtCommit(root: string, commit: string, file: string): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["show", `${commit}:./${file}`], { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: "buffer" }, (error, stdout) => {
      resolve(error ? undefined : new Uint8Array(stdout));
    });
  });
}
