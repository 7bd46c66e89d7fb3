import type { Reporter } from "./types.js";

/** The result document itself, as published in `schema/result.schema.json`. */
export const json: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
