/** Types for bench/generate.mjs, so tests written in TypeScript can generate corpora. */
export const CLAIMS_PER_ARTICLE: number;
export function generateCorpus(claimCount: number, options?: { seed?: number; defects?: boolean }): Map<string, string>;
export function writeCorpus(dir: string, files: Map<string, string>): { files: number; bytes: number };
