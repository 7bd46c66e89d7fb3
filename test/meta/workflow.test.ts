/**
 * The example workflow in .github/workflows/ is valid for GitHub Actions (checked by
 * @action-validator/cli, which validates against the workflow schema GitHub's own runner
 * follows), does what its comments say, and its claimcheck commands really run.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { makeRepo } from "../git/repo.js";
import { runShell } from "../docs/shell.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { startFixtureServer } from "../network/fixture-server.js";
import { networkProject } from "../network/project.js";

const WORKFLOW = path.join(REPO_ROOT, ".github/workflows/claimcheck.yml");
const VALIDATOR = path.join(REPO_ROOT, "node_modules/@action-validator/cli/cli.mjs");

function validate(file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VALIDATOR, file], { env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

describe(".github/workflows/claimcheck.yml", () => {
  it("passes the workflow validator", async () => {
    const run = await validate(WORKFLOW);
    expect(run.output).toBe("");
    expect(run.code).toBe(0);
  });

  it("the validator does reject a broken workflow (so the check above means something)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-workflow-"));
    try {
      const broken = (await readFile(WORKFLOW, "utf8")).replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest");
      const file = path.join(dir, "broken.yml");
      await writeFile(file, broken);
      const run = await validate(file);
      expect(run.code).toBe(1);
      expect(run.output).toContain("runs_on");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("checks the changed claims on pull requests, with annotations and a job summary", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "schedule", "workflow_dispatch"]);
    const job = workflow.jobs["changed-claims"]!;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.steps.find((s) => s.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(0);
    const check = job.steps.find((s) => s.run?.includes("npx claimcheck"))!;
    expect(check.run).toContain('--changed "origin/$BASE_REF"');
    expect(check.run).toContain("--format github");
    expect(check.run).toContain('--format markdown="$GITHUB_STEP_SUMMARY"');
    // The ref goes through the environment, never pasted into the script.
    expect(check.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
  });

  it("runs everything on a schedule and keeps the HTML report as an artifact, even when the check fails", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
    const job = workflow.jobs["full-run"]!;
    expect(job.if).toBe("github.event_name != 'pull_request'");
    const check = job.steps.find((s) => s.run?.includes("npx claimcheck"))!;
    expect(check.run).not.toContain("--changed");
    expect(check.run).toContain("--format html=reports/index.html");
    const upload = job.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(upload.if).toBe("always()");
    expect(upload.with).toMatchObject({ path: "reports/" });
  });

  it("on the default branch and the schedule, uploads SARIF to code scanning, also when the check fails", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
    expect(workflow.on["push"]).toEqual({ branches: ["main"] });
    expect(workflow.on["schedule"]).toEqual([{ cron: "17 5 * * 1" }]);
    const job = workflow.jobs["full-run"]!;
    const check = job.steps.find((s) => s.run?.includes("npx claimcheck"))!;
    expect(check.run).toContain("--format sarif=reports/claimcheck.sarif");
    const upload = job.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.with).toEqual({ sarif_file: "reports/claimcheck.sarif", category: "claimcheck" });
    expect(upload.if).toBe("always() && hashFiles('reports/claimcheck.sarif') != ''");
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.indexOf(check));
  });

  it("grants nothing by default and each job only what it uses: only the SARIF upload can write", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs["changed-claims"]!.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs.recheck!.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs["full-run"]!.permissions).toEqual({ contents: "read", "security-events": "write", actions: "read" });
    // The job that can write never runs for a pull request.
    expect(workflow.jobs["full-run"]!.if).toBe("github.event_name != 'pull_request'");
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level !== "read" && level !== "none");
      expect(writes.map(([scope]) => scope), name).toEqual(name === "full-run" ? ["security-events"] : []);
      // No job leaves the token in .git/config for later steps.
      for (const checkout of job.steps.filter((s) => s.uses?.startsWith("actions/checkout@"))) {
        expect(checkout.with?.["persist-credentials"], name).toBe(false);
      }
      const setup = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
      expect(setup?.with?.["node-version"], name).toBe(24);
    }
  });

  it("pins every action to a full commit SHA with its release in a comment, each listed in docs/ci.md", async () => {
    const text = await readFile(WORKFLOW, "utf8");
    const docs = await readFile(path.join(REPO_ROOT, "docs/ci.md"), "utf8");
    const uses = text.split("\n").filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThanOrEqual(10);
    const pin = /^\s*(?:- )?uses: ([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_./-]+)?)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/;
    for (const line of uses) {
      const match = pin.exec(line);
      expect(match, line).not.toBeNull();
      const [, action, sha, version] = match!;
      // The table names the action, its release and its commit on one row.
      const row = docs.split("\n").find((r) => r.startsWith(`| \`${action}\` |`));
      expect(row, `${action} in docs/ci.md`).toBeDefined();
      expect(row).toContain(`| ${version} |`);
      expect(row).toContain(`\`${sha}\``);
    }
    // One release per action across the workflow.
    const pins = new Map<string, Set<string>>();
    for (const line of uses) {
      const [, action, sha] = pin.exec(line)!;
      pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
    }
    for (const [action, shas] of pins) expect(shas.size, action).toBe(1);
    // The check above does catch a tag.
    expect(pin.test("      - uses: actions/checkout@v5")).toBe(false);
    expect(pin.test("      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8")).toBe(false);
  });

  it("rechecks the cited pages weekly or by hand, never on a pull request, and only uploads its report", async () => {
    const text = await readFile(WORKFLOW, "utf8");
    const workflow = parse(text) as Workflow;
    const job = workflow.jobs.recheck!;
    expect(job.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
    const recheck = job.steps.find((s) => s.run?.includes("npx claimcheck"))!;
    expect(recheck.run).toMatch(/^npx claimcheck recheck /);
    expect(recheck.run).not.toContain("--allow-private");
    expect(recheck.run).toContain("--format html=reports/recheck/index.html");
    const upload = job.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(upload.if).toBe("always()");
    expect(upload.with).toMatchObject({ path: "reports/recheck/" });
    // Only the recheck job fetches pages, and nothing in the workflow writes back or opens anything.
    const fetching = Object.entries(workflow.jobs).filter(([, j]) => j.steps.some((s) => /claimcheck (recheck|capture)/.test(s.run ?? "")));
    expect(fetching.map(([name]) => name)).toEqual(["recheck"]);
    expect(job.permissions).toEqual({ contents: "read" });
    expect(text).not.toMatch(/gh (issue|pr) create|git push/);
  });

  it("its recheck command runs, and sends nothing to a loopback address without --allow-private", async () => {
    const server = await startFixtureServer();
    const project = await networkProject(server.origin);
    const summary = path.join(project.dir, "step-summary.md");
    try {
      const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
      const command = workflow.jobs.recheck!.steps.find((s) => s.run?.includes("npx claimcheck"))!.run!;
      await writeFile(summary, "");
      const heard = server.requests.length;
      const run = await runShell(command, project.dir, { GITHUB_STEP_SUMMARY: summary });
      expect(run.code).toBe(0);
      expect(server.requests.length).toBe(heard);
      expect(run.stdout).toMatch(/^::warning file=sources\/demo-wire\.yaml,line=7,col=6.*title=claimcheck\(source-drift\)::could not check the page of source "demo-wire": 127\.0\.0\.1 is a loopback address, refused without --allow-private$/m);
      const result = JSON.parse(await readFile(path.join(project.dir, "reports/recheck/result.json"), "utf8")) as { recheck: { sources: Array<{ outcome: string }> } };
      expect(result.recheck.sources.map((s) => s.outcome)).toEqual(["could-not-check", "could-not-check"]);
      expect(await readFile(path.join(project.dir, "reports/recheck/index.html"), "utf8")).toContain("source-drift");
      expect(await readFile(summary, "utf8")).toContain("source-drift");
    } finally {
      await project.cleanup();
      await server.close();
    }
  });

  it("its commands run: the pull-request command in a real repository, annotating a broken quote", async () => {
    const workflow = parse(await readFile(WORKFLOW, "utf8")) as Workflow;
    const prCommand = workflow.jobs["changed-claims"]!.steps.find((s) => s.run?.includes("npx claimcheck"))!.run!;
    const fullCommand = workflow.jobs["full-run"]!.steps.find((s) => s.run?.includes("npx claimcheck"))!.run!;
    const repo = await makeRepo();
    try {
      // As on GitHub: the target branch is there as origin/<branch>, the pull request is checked out.
      repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
      repo.git("checkout", "-q", "-b", "pr");
      const file = path.join(repo.dir, "claims/demo/c1.yaml");
      await writeFile(file, (await readFile(file, "utf8")).replace("quote: Alpha and Beta met in 2020.", "quote: Alpha and Beta met in 2019."));
      repo.commitAll("break a quote");
      const summary = path.join(repo.dir, "..", "step-summary.md");
      await writeFile(summary, "");
      const pr = await runShell(prCommand, repo.dir, { BASE_REF: "main", GITHUB_STEP_SUMMARY: summary });
      expect(pr.code).toBe(1);
      expect(pr.stderr).toContain("selected 1 of 4 claims (changes since origin/main): 1 changed");
      expect(pr.stdout).toMatch(/^::error file=claims\/demo\/c1\.yaml,line=\d+,col=\d+.*title=claimcheck\(quote-found\)::quote not found/m);
      expect(await readFile(summary, "utf8")).toContain("c1");

      const full = await runShell(fullCommand, repo.dir, { GITHUB_STEP_SUMMARY: summary });
      expect(full.code).toBe(1);
      expect(await readFile(path.join(repo.dir, "reports/index.html"), "utf8")).toContain("<html");
      expect(await readFile(path.join(repo.dir, "reports/junit.xml"), "utf8")).toContain("<testsuites");
      const sarif = JSON.parse(await readFile(path.join(repo.dir, "reports/claimcheck.sarif"), "utf8")) as { version: string; runs: Array<{ results: unknown[] }> };
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    } finally {
      await repo.cleanup();
    }
  });
});
