/** The library API: run a check, read its result, format it. */
export { runCheck, checkLoaded } from "./engine/run.js";
export type { RunOptions, RuleSetting } from "./options/run-options.js";
export { baseOptions } from "./options/run-options.js";
export { reporters } from "./reporters/index.js";
export type { Reporter, ReporterOptions } from "./reporters/index.js";
export type * from "./model/result.js";
export type { Diagnostic, Severity } from "./model/diagnostic.js";
export type { Position } from "./model/position.js";
export { rules } from "./rules/index.js";
