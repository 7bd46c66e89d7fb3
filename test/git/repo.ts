import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A small dataset whose dependencies are known by construction, green as written:
 *
 * | claim | cites        | assert uses            | facts of cited sources use   |
 * |-------|--------------|------------------------|------------------------------|
 * | c1    | s1           | meeting-a              | meeting-a, alpha, beta       |
 * | c2    | s2           | meeting-b              | meeting-b, beta, gamma       |
 * | c3    | s1, s2       | meeting-a, meeting-b   | all of the above             |
 * | c4    | s3           | meeting-c              | meeting-c, gamma, harbour    |
 *
 * The article (claims/demo/article.yaml) is the source record `article`, with a snapshot.
 */
export const ARTICLE_TEXT = [
  "Alpha met Beta in 2020.",
  "Beta met Gamma in 2021.",
  "The two meetings were a year apart.",
  "Gamma later met Alpha at the harbour in 2022.",
  "",
].join("\n");

export function datasetFiles(articleText = ARTICLE_TEXT): Record<string, string> {
  const sha = createHash("sha256").update(articleText).digest("hex");
  const source = (id: string, excerpt: string, facts: string) => `# yaml-language-server: $schema=../schema/source.schema.json
id: ${id}
type: article-newspaper
title: Report ${id}
issued: "2023-01-10"
URL: https://example.org/${id}
archive-URL: https://web.archive.org/web/2023/https://example.org/${id}
accessed: "2025-10-01"
kind: primary
standing: generally-reliable
excerpts:
  - id: e1
    text: ${excerpt}
facts:
${facts}`;
  const claim = (id: string, text: string, citations: string, assert: string) => `id: ${id}
text: ${text}
as-of: "2023-02-01"
verdict: supported
rationale: The cited report says so.
citations:
${citations}
assert:
${assert}
`;
  return {
    "sources/entities.yaml": `entities:
  alpha: { label: Alpha, type: person }
  beta: { label: Beta, type: person }
  gamma: { label: Gamma, type: person }
  harbour: { label: The harbour, type: place }
  meeting-a: { label: Alpha–Beta meeting, type: event }
  meeting-b: { label: Beta–Gamma meeting, type: event }
  meeting-c: { label: Gamma–Alpha meeting, type: event }
properties:
  head: { label: head of, type: entity }
`,
    "sources/snapshots/article.txt": articleText,
    "sources/article.yaml": `id: article
type: article-newspaper
title: The article under test
issued: "2023-02-01"
URL: https://example.org/article
accessed: "2025-10-01"
kind: unknown
standing: unreliable
snapshot:
  path: snapshots/article.txt
  sha256: ${sha}
`,
    "sources/s1.yaml": source(
      "s1",
      "Alpha and Beta met in 2020.",
      "  - { id: m, event: meeting-a, kind: meeting, date: \"2020\", participants: [alpha, beta], excerpt: e1 }\n",
    ),
    "sources/s2.yaml": source(
      "s2",
      "Beta and Gamma met in 2021.",
      "  - { id: m, event: meeting-b, kind: meeting, date: \"2021\", participants: [beta, gamma], excerpt: e1 }\n",
    ),
    "sources/s3.yaml": source(
      "s3",
      "Gamma met Alpha at the harbour in 2022.",
      "  - { id: m, event: meeting-c, kind: meeting, date: \"2022\", participants: [gamma], place: harbour, excerpt: e1 }\n",
    ),
    "claims/demo/article.yaml": "source: article\ntitle: The article under test\nnot-checked:\n  - text: The two meetings were a year apart.\n    reason: arithmetic\n",
    "claims/demo/c1.yaml": claim("c1", "Alpha met Beta in 2020.", "  - { source: s1, quote: Alpha and Beta met in 2020. }", '  date: { event: meeting-a, in: "2020" }'),
    "claims/demo/c2.yaml": claim("c2", "Beta met Gamma in 2021.", "  - { source: s2, quote: Beta and Gamma met in 2021. }", '  date: { event: meeting-b, in: "2021" }'),
    "claims/demo/c3.yaml": claim(
      "c3",
      "Alpha met Beta in 2020. Beta met Gamma in 2021.",
      "  - { source: s1, quote: met in 2020 }\n  - { source: s2, quote: met in 2021 }",
      '  all:\n    - date: { event: meeting-a, in: "2020" }\n    - date: { event: meeting-b, in: "2021" }',
    ),
    "claims/demo/c4.yaml": claim(
      "c4",
      "Gamma later met Alpha at the harbour in 2022.",
      "  - { source: s3, quote: at the harbour in 2022 }",
      '  date: { event: meeting-c, in: "2022" }',
    ),
  };
}

export interface TempRepo {
  dir: string;
  git: (...args: string[]) => string;
  write: (file: string, content: string) => Promise<void>;
  remove: (file: string) => Promise<void>;
  commitAll: (message: string) => void;
  cleanup: () => Promise<void>;
}

/** A git repository in a temporary folder, on branch main, with the dataset committed. */
export async function makeRepo(files: Record<string, string> = datasetFiles()): Promise<TempRepo> {
  const top = await mkdtemp(path.join(os.tmpdir(), "claimcheck-git-"));
  const dir = path.join(top, "repo");
  await mkdir(dir);
  // Isolated from the machine's git configuration (an empty file stands for the global one).
  await writeFile(path.join(top, "gitconfig"), "");
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.org",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.org",
    GIT_CONFIG_GLOBAL: path.join(top, "gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" });
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  };
  const commitAll = (message: string) => {
    git("add", "-A");
    git("commit", "-q", "-m", message);
  };
  try {
    git("init", "-q", "-b", "main");
    for (const [file, content] of Object.entries(files)) await write(file, content);
    commitAll("dataset");
  } catch (error) {
    await rm(top, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    git,
    write,
    remove: (file) => rm(path.join(dir, file)),
    commitAll,
    cleanup: () => rm(top, { recursive: true, force: true }),
  };
}
