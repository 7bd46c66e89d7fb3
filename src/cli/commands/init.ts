import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { findProjectRoot } from "../../config/project-root.js";
import { CONFIG_FILE_NAME } from "../../config/types.js";
import { UsageError } from "../../errors.js";
import { stripControl } from "../../reporters/escape.js";
import { PACKAGE_WORKFLOW, schemaPathFrom } from "../../scaffold/package-files.js";
import { renderConfig, renderReadme, withIgnoredLines } from "../../scaffold/project.js";
import { renderRegistry } from "../../scaffold/registry.js";
import { parseCommandArgs } from "../command-args.js";
import type { CliIO } from "../io.js";
import { relative, selfCheck } from "./new-files.js";

export const INIT_HELP = `claimcheck init — start a fact-check project in this folder

Usage
  claimcheck init [-C <dir>]

Writes claimcheck.config.yaml, an empty registry (sources/entities.yaml), the CI workflow
(.github/workflows/claimcheck.yml, as this version of claimcheck ships it) and a README.md,
and adds reports/ and node_modules/ (where the cache lives) to .gitignore. It never
overwrites a file: a README.md or workflow that exists is kept as it is, and a folder that
already has a configuration file or registry is left alone (exit 2). Inside another project
it stops, since that project would read the new one's files; -C <dir> starts one there anyway.

Then: claimcheck new article --url <url> --snapshot <text file>

Exit codes: 0 the project is ready; 2 bad usage, or a project is here already.
`;

interface PlannedFile {
  /** Relative to the project, forward slashes. */
  file: string;
  content: string;
  /** Essential files make a folder a project: one that exists means init has nothing to do. */
  essential: boolean;
}

/** `claimcheck init`: returns the exit code. */
export async function runInit(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs("init", argv, { root: { type: "string", short: "C" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError("bad-argument", `init takes no arguments, not "${positionals[0]}" (use -C <dir> for another folder)`);
  const root = path.resolve(io.cwd, values.root ?? ".");
  if (values.root === undefined) {
    const around = await findProjectRoot(io.cwd);
    if (around.foundBy !== "cwd" && around.root !== root) {
      throw new UsageError(
        "exists",
        `this folder is inside the claimcheck project at ${around.root}, which would read the new project's files as its own; ` +
          "nothing was written (pass -C <dir> to start a separate project there anyway)",
      );
    }
  }

  const workflow = await readFile(PACKAGE_WORKFLOW, "utf8").catch(() => undefined);
  const planned: PlannedFile[] = [
    { file: CONFIG_FILE_NAME, content: renderConfig(schemaPathFrom(root, root, "config")), essential: true },
    { file: "sources/entities.yaml", content: renderRegistry(schemaPathFrom(root, path.join(root, "sources"), "entities")), essential: true },
    ...(workflow === undefined ? [] : [{ file: ".github/workflows/claimcheck.yml", content: workflow, essential: false }]),
    { file: "README.md", content: renderReadme(path.basename(root)), essential: false },
  ];
  const existing = planned.filter((p) => existsSync(path.join(root, p.file)));
  const essentials = existing.filter((p) => p.essential);
  if (essentials.length > 0) {
    throw new UsageError(
      "exists",
      `${essentials.map((p) => p.file).join(" and ")} already exist${essentials.length === 1 ? "s" : ""} in ${root}: it is a claimcheck project already; nothing was written`,
    );
  }
  selfCheck(CONFIG_FILE_NAME, planned[0]!.content, "config");
  selfCheck("sources/entities.yaml", planned[1]!.content, "entities");

  for (const p of planned) {
    if (existing.includes(p)) continue;
    const target = path.join(root, p.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, p.content, { flag: "wx" });
    io.stdout(`created ${p.file}\n`);
  }
  for (const p of existing) io.stdout(`kept ${p.file} (it exists; not overwritten)\n`);
  const ignoreFile = path.join(root, ".gitignore");
  const ignoredBefore = await readFile(ignoreFile, "utf8").catch(() => undefined);
  const ignore = withIgnoredLines(ignoredBefore);
  if (ignore.added.length > 0) {
    await writeFile(ignoreFile, ignore.text);
    io.stdout(ignoredBefore === undefined ? "created .gitignore\n" : `added ${ignore.added.join(", ")} to .gitignore\n`);
  }
  if (workflow === undefined) io.stderr(`note: this copy of claimcheck ships no example workflow (${stripControl(relative(root, PACKAGE_WORKFLOW))}); none was written\n`);
  if (!(await listsClaimcheck(root))) {
    io.stderr("note: the workflow runs npm ci, so this folder's package.json should list claimcheck: npm i -D claimcheck\n");
  }
  io.stdout("next: claimcheck new article --url <url> --snapshot <the article's text file>\n");
  return 0;
}

/** Whether the project's package.json lists claimcheck (the workflow installs it with npm ci). */
async function listsClaimcheck(root: string): Promise<boolean> {
  const text = await readFile(path.join(root, "package.json"), "utf8").catch(() => undefined);
  if (text === undefined) return false;
  try {
    const pkg = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    return Boolean(pkg.dependencies?.claimcheck ?? pkg.devDependencies?.claimcheck);
  } catch {
    return false;
  }
}
