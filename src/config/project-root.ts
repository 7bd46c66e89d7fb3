import { stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import { CONFIG_FILE_NAME } from "./types.js";

/** Where a run's root came from. */
export type RootFoundBy = "flag" | "config" | "claims" | "cwd";

export interface ProjectRoot {
  /** Absolute path of the project's root. */
  root: string;
  /**
   * `flag`: named with -C/--root; `config` or `claims`: the nearest folder at or above the
   * working directory holding the configuration file or a `claims/` folder; `cwd`: none was
   * found, so the working directory stands (and a check there finds nothing to check).
   */
  foundBy: RootFoundBy;
}

/**
 * The project a command works on. `-C` names it; otherwise the nearest folder, from the working
 * directory upwards, that holds `claimcheck.config.yaml` or a `claims/` folder — so a command
 * run from `claims/<article>/` works on the whole project, as git does from a subfolder.
 *
 * The search stops, without a match, at the first folder holding `.git` (the top of the
 * repository the working directory is in: a project above it is another repository's), at a
 * change of file system (as git stops by default), and at the file system's root.
 */
export async function findProjectRoot(cwd: string, explicitRoot?: string): Promise<ProjectRoot> {
  if (explicitRoot !== undefined) return { root: path.resolve(cwd, explicitRoot), foundBy: "flag" };
  const start = path.resolve(cwd);
  const startDevice = (await statOrUndefined(start))?.dev;
  for (let dir = start; ; ) {
    if ((await statOrUndefined(path.join(dir, CONFIG_FILE_NAME)))?.isFile()) return { root: dir, foundBy: "config" };
    if ((await statOrUndefined(path.join(dir, "claims")))?.isDirectory()) return { root: dir, foundBy: "claims" };
    if ((await statOrUndefined(path.join(dir, ".git"))) !== undefined) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    const parentDevice = (await statOrUndefined(parent))?.dev;
    if (startDevice !== undefined && parentDevice !== startDevice) break;
    dir = parent;
  }
  return { root: start, foundBy: "cwd" };
}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

/** The usage error of a run that found no claim and no article to check: where it looked, and what to do next. */
export function nothingToCheck(root: string, foundBy: RootFoundBy, claimGlobs: readonly string[]): UsageError {
  if (foundBy === "cwd") {
    return new UsageError(
      "no-claims",
      `no claimcheck project in ${root} or above it (a folder holding ${CONFIG_FILE_NAME} or claims/); ` +
        "run it inside one, pass --root, or start one here with: claimcheck init",
    );
  }
  return new UsageError(
    "no-claims",
    `no claim files found under ${root} (looked for ${claimGlobs.join(", ")}); ` +
      "add the article to check with: claimcheck new article --url <url> --snapshot <text file>",
  );
}
