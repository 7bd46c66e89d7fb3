import pc from "picocolors";
import type { Colors } from "picocolors/types.js";
import type { CliIO } from "./io.js";

/** The colour flags every command that prints a report takes. */
export interface ColorFlags {
  color?: boolean;
  "no-color"?: boolean;
}

/** Colour on a terminal, unless NO_COLOR says otherwise; FORCE_COLOR and the flags decide last. */
export function pickColors(values: ColorFlags, io: CliIO): Colors {
  let enabled = io.isTTY;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") enabled = false;
  if (io.env.FORCE_COLOR !== undefined) enabled = io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  if (values.color) enabled = true;
  if (values["no-color"]) enabled = false;
  return pc.createColors(enabled);
}
