/**
 * A small project whose sources point at the fixture server: test/fixtures/_base (one
 * article, two claims, a wire report), with the wire report's URL moved to the server, and
 * further sources as a test needs them.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { FIXTURES, layCase } from "../helpers/fixtures.js";
import { main, type CliIO } from "../../src/cli/main.js";
import type { NetworkOverrides } from "../../src/cli/network-run.js";
import { runCapture } from "../../src/cli/commands/capture.js";

export interface ExtraSource {
  /** The page's path on the fixture server, or a whole URL. */
  url: string;
  excerpts?: Array<[id: string, text: string]>;
  /** Further top-level YAML lines (`archive-URL: …`, `capture-mode: excerpts`). */
  extra?: string[];
}

/** Flags for a network command in tests: the fixture server is on loopback, and needs no pause between requests. */
export const FAST = ["--allow-private", "--host-interval-ms", "0"];

/** A quote the wire report's page has but its excerpts do not: quote-found finds it only in a snapshot. */
export const PAGE_ONLY_QUOTE = "The visit had been planned for months, officials said.";

export async function networkProject(
  origin: string,
  extra: Record<string, ExtraSource> = {},
  options: { citePageOnlyQuote?: boolean } = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  // The base laid over itself: layCase copies a case's files over the base, and this one adds none.
  const project = await layCase(path.join(FIXTURES, "_base"));
  const wireFile = path.join(project.dir, "sources/demo-wire.yaml");
  const wire = (await readFile(wireFile, "utf8"))
    .replace("URL: https://example.org/demo-wire", `URL: ${origin}/news/heads-meet`)
    .replace(/^archive-URL: .*\n/m, "");
  await writeFile(wireFile, wire);
  const articleFile = path.join(project.dir, "sources/demo-article.yaml");
  await writeFile(articleFile, (await readFile(articleFile, "utf8")).replace("URL: https://example.org/demo-article", `URL: ${origin}/demo/space-agencies-meet-again`));
  if (options.citePageOnlyQuote) {
    // c2 also cites a sentence of the page that no excerpt holds: it stands only once the page is captured.
    const claimFile = path.join(project.dir, "claims/demo/c2-met-in-florida.yaml");
    const claim = (await readFile(claimFile, "utf8")).replace(
      "    quote: The heads met at Kennedy Space Center on July 31.\n",
      `    quote: The heads met at Kennedy Space Center on July 31.\n  - source: demo-wire\n    quote: ${PAGE_ONLY_QUOTE}\n`,
    );
    await writeFile(claimFile, claim);
  }
  for (const [id, source] of Object.entries(extra)) {
    const url = source.url.startsWith("http") ? source.url : `${origin}${source.url}`;
    const lines = [
      `id: ${id}`,
      "type: webpage",
      `title: ${id}`,
      `URL: ${url}`,
      "reliability: primary",
      ...(source.extra ?? []),
    ];
    if (source.excerpts?.length) {
      lines.push("excerpts:");
      for (const [excerptId, text] of source.excerpts) lines.push(`  - id: ${excerptId}`, `    text: ${JSON.stringify(text)}`);
    }
    await writeFile(path.join(project.dir, "sources", `${id}.yaml`), `${lines.join("\n")}\n`);
  }
  return project;
}

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function collectingIO(cwd: string, env: NodeJS.ProcessEnv): { io: CliIO; out: { stdout: string; stderr: string } } {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { cwd, env: { NO_COLOR: "1", ...env }, stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), isTTY: false },
  };
}

/** `claimcheck capture …` in-process, with the network pieces a test injects. */
export async function capture(argv: string[], cwd: string, network: NetworkOverrides = {}, env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  const { io, out } = collectingIO(cwd, env);
  const code = await runCapture(argv, io, network);
  return { code, ...out };
}

/** `claimcheck recheck …` in-process, through main (recheck's tests inject nothing: they use the loopback server). */
export async function recheck(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  const { io, out } = collectingIO(cwd, env);
  const code = await main(["recheck", ...argv], io);
  return { code, ...out };
}
