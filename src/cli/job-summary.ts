import path from "node:path";

/**
 * The job summary file to write beside GitHub annotations, or undefined.
 *
 * GitHub shows at most ten annotations of each kind per step; the `github` format says how
 * many it left out and points at the job summary for the rest. So in a GitHub Actions step
 * (`GITHUB_ACTIONS=true`) with a step summary file (`GITHUB_STEP_SUMMARY`, set by the runner),
 * a run that prints annotations also writes the Markdown report there, unless a `markdown`
 * format already goes to that file. The path is the runner's, outside the repository, so it
 * is trusted as a path from the command line is.
 */
export function jobSummaryFile(formats: ReadonlyArray<{ name: string; file?: { shown: string } }>, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_ACTIONS !== "true" || file === undefined || file === "") return undefined;
  if (!formats.some((format) => format.name === "github")) return undefined;
  const target = path.resolve(cwd, file);
  const already = formats.some((format) => format.name === "markdown" && format.file !== undefined && path.resolve(cwd, format.file.shown) === target);
  return already ? undefined : file;
}
