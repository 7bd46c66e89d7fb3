#!/usr/bin/env node
import { main } from "./cli/main.js";
import { pipeSafe } from "./cli/output.js";

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: pipeSafe(process.stdout),
  stderr: pipeSafe(process.stderr),
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
