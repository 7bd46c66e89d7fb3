/**
 * Glob matching in time linear in the path for a given glob (at most path length × glob
 * length steps), for globs that come from a configuration file in a pull request.
 *
 * Every glob library for Node that we measured turns a glob into a backtracking regular
 * expression (picomatch, which tinyglobby uses; minimatch; the RegExp translation this file
 * held before): `*a*a*a*a*a*a*a*a*a*a*a*ab` against a name of forty `a`s takes picomatch 4
 * over 80 seconds. Here a glob is compiled into a small automaton that is run on all its
 * states at once (Thompson's construction), so no input can make it backtrack. See
 * docs/design.md ("Our own glob matcher").
 *
 * Syntax, as picomatch reads it with its defaults: `*` (any characters but `/`), `?` (one
 * character but `/`), `**` as a whole path segment (any number of segments), `[abc]`,
 * `[a-z]`, `[^a]` (one character of a class, or of none of it), `{a,b}` (alternatives, nested as
 * deep as you like) and `\x` (the character x itself). A wildcard never matches a `.` that
 * starts a segment (hidden files and folders need the `.` written out). Anything else, such
 * as extglobs (`@(a|b)`) and ranges (`{1..3}`), is literal text, and `**` is a globstar only
 * where it is written as a whole segment (`a/**\/b`, `a/**`), not where braces assemble one.
 * A leading `./` is ignored.
 */

/** One instruction of the automaton. `next` is the index of the instruction after it. */
type Instruction =
  | { op: "char"; char: string }
  | { op: "any" }
  | { op: "class"; negated: boolean; ranges: Array<[from: string, to: string]> }
  | { op: "star" }
  /**
   * Before a wildcard that starts a segment of the glob: the path's segment must not be empty
   * and must not start with `.` (picomatch's `(?!\.)(?=.)`), even if the wildcard matches nothing.
   */
  | { op: "segment-guard" }
  /** `**\/`: any number of segments, each with its slash. */
  | { op: "globstar" }
  /** Inside a segment that `**\/` is consuming. */
  | { op: "globstar-in" }
  /** A trailing `**`: any number of segments, separated by slashes. */
  | { op: "globstar-end" }
  | { op: "globstar-end-in" }
  | { op: "split"; to: number[] }
  | { op: "jump"; to: number }
  | { op: "match" };

/** A compiled glob. */
export interface GlobProgram {
  readonly glob: string;
  readonly instructions: readonly Instruction[];
}

/** Work counters, for tests that bound the work structurally. */
export interface GlobStats {
  /** Instruction visits: at most (path length + 1) × program length per match. */
  steps: number;
}

const programs = new Map<string, GlobProgram>();
const MAX_REMEMBERED = 256;

/** Compiles a glob (remembered: configurations hold a handful). */
export function compileGlob(glob: string): GlobProgram {
  let program = programs.get(glob);
  if (!program) {
    program = { glob, instructions: new Compiler(collapseGlobstars(glob.startsWith("./") ? glob.slice(2) : glob)).compile() };
    if (programs.size >= MAX_REMEMBERED) programs.clear();
    programs.set(glob, program);
  }
  return program;
}

/** `a/**\/**\/b` → `a/**\/b`: a globstar next to another adds nothing (picomatch collapses them too). */
function collapseGlobstars(glob: string): string {
  const segments = glob.split("/");
  return segments.filter((segment, i) => !(segment === "**" && segments[i + 1] === "**")).join("/");
}

/**
 * The shape nearly every configuration uses, `folder/**\/*.{yaml,yml}`: a literal folder, a
 * globstar, and a wildcard with a literal ending (or one list of literal endings in braces).
 * Such a glob matches a path under the folder that ends so, where no segment below the folder
 * starts with `.`: what the automaton decides, by comparing the two ends (a test holds the two
 * to the same answers). Undefined for other globs.
 */
interface FolderAndEnding {
  folder: string;
  endings: string[];
}

const shapes = new Map<string, FolderAndEnding | null>();
const SPECIAL = /[*?[\]{}()!+@\\,]/;

/** `.{yaml,yml}` → [".yaml", ".yml"]; `.yaml` → [".yaml"]; undefined for anything else. */
function literalEndings(ending: string): string[] | undefined {
  const open = ending.indexOf("{");
  if (open < 0) return SPECIAL.test(ending) ? undefined : [ending];
  const close = ending.indexOf("}", open);
  if (close < 0) return undefined;
  const before = ending.slice(0, open);
  const after = ending.slice(close + 1);
  const choices = ending.slice(open + 1, close).split(",");
  if (choices.length < 2 || [before, after, ...choices].some((bit) => SPECIAL.test(bit)) || choices.some((c) => c === "")) return undefined;
  return choices.map((choice) => `${before}${choice}${after}`);
}

function folderAndEnding(glob: string): FolderAndEnding | undefined {
  let shape = shapes.get(glob);
  if (shape === undefined) {
    const body = glob.startsWith("./") ? glob.slice(2) : glob;
    const at = body.indexOf("/**/*");
    const folder = body.slice(0, at);
    const ending = body.slice(at + 5);
    const endings = at > 0 && !SPECIAL.test(folder) && !ending.includes("/") && !folder.split("/").includes("") ? literalEndings(ending) : undefined;
    shape = endings ? { folder, endings } : null;
    if (shapes.size >= MAX_REMEMBERED) shapes.clear();
    shapes.set(glob, shape);
  }
  return shape ?? undefined;
}

/** The answer for a glob of the shape above, or undefined when the path needs the automaton (an empty segment). */
function matchesFolderAndEnding(path: string, { folder, endings }: FolderAndEnding): boolean | undefined {
  if (!path.startsWith(folder) || path[folder.length] !== "/" || !endings.some((ending) => path.endsWith(ending))) return false;
  const below = path.slice(folder.length + 1);
  if (below === "" || below.startsWith("/") || below.endsWith("/") || below.includes("//")) return undefined;
  // A wildcard never matches a `.` that starts a segment, nor does a globstar's segment start with one.
  return !below.startsWith(".") && !below.includes("/.");
}

/** Whether a relative path (forward slashes) matches the glob. */
export function matchesGlob(path: string, glob: string | GlobProgram, stats?: GlobStats): boolean {
  if (typeof glob === "string" && stats === undefined) {
    const shape = folderAndEnding(glob);
    const quick = shape && matchesFolderAndEnding(path, shape);
    if (quick !== undefined) return quick;
  }
  return runProgram(path, typeof glob === "string" ? compileGlob(glob) : glob, stats);
}

function runProgram(path: string, program: GlobProgram, stats?: GlobStats): boolean {
  const { instructions } = program;
  const size = instructions.length;
  // Two state lists and a mark per instruction saying in which step it was last added.
  let current: number[] = [];
  let next: number[] = [];
  const mark = new Int32Array(size).fill(-1);
  const stack: number[] = [];
  let steps = 0;

  /** Adds `start` and every state reachable from it without reading a character. */
  const add = (list: number[], start: number, generation: number) => {
    stack.push(start);
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      steps++;
      const ins = instructions[pc]!;
      switch (ins.op) {
        case "jump":
          stack.push(ins.to);
          break;
        case "segment-guard": {
          // `generation` is the position of the next character to read.
          const c = path[generation];
          const segmentStart = generation === 0 || path[generation - 1] === "/";
          if (c !== undefined && c !== "/" && !(c === "." && segmentStart)) stack.push(pc + 1);
          break;
        }
        case "split":
          for (let k = ins.to.length - 1; k >= 0; k--) stack.push(ins.to[k]!);
          break;
        case "star":
          // May match nothing: the instruction after it is live too.
          list.push(pc);
          stack.push(pc + 1);
          break;
        case "globstar":
        case "globstar-end":
        case "globstar-end-in":
          // These come in pairs (the state before a segment, the state inside one): the
          // instruction after the pair is live too.
          list.push(pc);
          stack.push(ins.op === "globstar-end-in" ? pc + 1 : pc + 2);
          break;
        default:
          list.push(pc);
      }
    }
  };

  add(current, 0, 0);
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    const segmentStart = i === 0 || path[i - 1] === "/";
    const hiddenStart = segmentStart && c === ".";
    const generation = i + 1;
    next.length = 0;
    for (const pc of current) {
      steps++;
      const ins = instructions[pc]!;
      switch (ins.op) {
        case "char":
          if (c === ins.char) add(next, pc + 1, generation);
          break;
        case "any":
          if (c !== "/" && !hiddenStart) add(next, pc + 1, generation);
          break;
        case "class":
          // As in picomatch, a class may match the dot that starts a hidden name.
          if (c !== "/" && inClass(c, ins)) add(next, pc + 1, generation);
          break;
        case "star":
          if (c !== "/" && !hiddenStart) add(next, pc, generation);
          break;
        case "globstar":
        case "globstar-end":
          // A segment starts: any character but a slash, and not the dot of a hidden name.
          if (c !== "/" && c !== ".") add(next, pc + 1, generation);
          break;
        case "globstar-in":
        case "globstar-end-in":
          // Inside a segment until its slash, then back to the state before a segment.
          add(next, c === "/" ? pc - 1 : pc, generation);
          break;
        default:
          break;
      }
    }
    [current, next] = [next, current];
    if (current.length === 0) break;
  }
  if (stats) stats.steps += steps;
  return current.some((pc) => instructions[pc]!.op === "match");
}

function inClass(c: string, ins: Extract<Instruction, { op: "class" }>): boolean {
  let found = false;
  for (const [from, to] of ins.ranges) {
    if (c >= from && c <= to) {
      found = true;
      break;
    }
  }
  return found !== ins.negated;
}

/** Whether a relative path matches one of the globs; negated globs (`!…`) never match. */
export function matchesAnyGlob(file: string, globs: readonly string[]): boolean {
  return globs.some((glob) => !glob.startsWith("!") && matchesGlob(file, glob));
}

/**
 * Whether a file is selected by a list of globs as tinyglobby reads one: it matches one of the
 * globs, and none of the negated ones (`!…`, without the `!`).
 */
export function selectedByGlobs(file: string, globs: readonly string[]): boolean {
  let included = false;
  for (const glob of globs) {
    if (glob.startsWith("!")) {
      if (matchesGlob(file, glob.slice(1))) return false;
    } else if (!included && matchesGlob(file, glob)) {
      included = true;
    }
  }
  return included;
}

/**
 * The leading folders of a glob that hold no wildcard (`claims/**\/*.yaml` → `claims`), where a
 * walk for it can start. Empty when the first segment already has one.
 */
export function globBase(glob: string): string {
  const segments = (glob.startsWith("./") ? glob.slice(2) : glob).split("/");
  const fixed: string[] = [];
  // The last segment names files, never a folder to start from.
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (segment === "" || /[*?[\]{}()!+@\\]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join("/");
}

/** Compiles glob text into instructions. Recursive descent over `{…}`; everything else is one pass. */
class Compiler {
  private readonly out: Instruction[] = [];
  private at = 0;
  /** Where the alternative being compiled began, and whether its braces open a segment. */
  private alternativeStart = -1;
  private alternativeAtSegmentStart = false;

  constructor(private readonly glob: string) {}

  compile(): Instruction[] {
    this.sequence(false);
    this.out.push({ op: "match" });
    return this.out;
  }

  /** Compiles up to the end, or (inside braces) up to the `,` or `}` that ends an alternative. */
  private sequence(inBraces: boolean): void {
    const { glob } = this;
    while (this.at < glob.length) {
      const c = glob[this.at]!;
      if (inBraces && (c === "," || c === "}")) return;
      if (c === "\\" && this.at + 1 < glob.length) {
        this.out.push({ op: "char", char: glob[this.at + 1]! });
        this.at += 2;
      } else if (c === "*") {
        this.star();
      } else if (c === "?") {
        if (this.atSegmentStart()) this.out.push({ op: "segment-guard" });
        this.out.push({ op: "any" });
        this.at++;
      } else if (c === "[") {
        if (!this.characterClass()) {
          this.out.push({ op: "char", char: c });
          this.at++;
        }
      } else if (c === "{" && this.closingBrace(this.at) >= 0) {
        this.alternatives();
      } else {
        this.out.push({ op: "char", char: c });
        this.at++;
      }
    }
  }

  /** Whether the glob text at `at` starts a path segment (braces included: `{*,a}` at the start). */
  private atSegmentStart(): boolean {
    return this.at === 0 || this.glob[this.at - 1] === "/" || (this.at === this.alternativeStart && this.alternativeAtSegmentStart);
  }

  private star(): void {
    const { glob } = this;
    let end = this.at;
    while (glob[end] === "*") end++;
    const wholeSegmentStart = this.at === 0 || glob[this.at - 1] === "/";
    const double = end - this.at >= 2;
    if (double && wholeSegmentStart && glob[end] === "/") {
      // `**/`: the `globstar` instruction and the one after it work as a pair.
      this.out.push({ op: "globstar" }, { op: "globstar-in" });
      this.at = end + 1;
    } else if (double && wholeSegmentStart && end === glob.length) {
      // A trailing `/**` after anything but a star also matches the folder before it
      // (`claims/**` matches `claims`; `a*\/**` does not match `ab`), as in picomatch: the
      // slash becomes optional.
      const last = this.out[this.out.length - 1];
      if (this.at > 1 && last?.op === "char" && last.char === "/" && glob[this.at - 2] !== "*") {
        const split = this.out.length - 1;
        this.out[split] = { op: "split", to: [split + 1, split + 4] };
        this.out.push({ op: "char", char: "/" });
      }
      this.out.push({ op: "globstar-end" }, { op: "globstar-end-in" });
      this.at = end;
    } else {
      if (this.atSegmentStart()) this.out.push({ op: "segment-guard" });
      this.out.push({ op: "star" });
      this.at = end;
    }
  }

  /** `[…]`; false when the bracket is never closed (then it is a literal `[`). */
  private characterClass(): boolean {
    const { glob } = this;
    let i = this.at + 1;
    let negated = false;
    // Only `^` negates, as in picomatch (which reads `[!a]` as the characters `!` and `a`).
    if (glob[i] === "^") {
      negated = true;
      i++;
    }
    const ranges: Array<[string, string]> = [];
    let first = true;
    while (i < glob.length && (glob[i] !== "]" || first)) {
      first = false;
      let from = glob[i]!;
      if (from === "\\" && i + 1 < glob.length) from = glob[++i]!;
      if (glob[i + 1] === "-" && i + 2 < glob.length && glob[i + 2] !== "]") {
        let to = glob[i + 2]!;
        i += 2;
        if (to === "\\" && i + 1 < glob.length) to = glob[++i]!;
        ranges.push([from, to]);
      } else {
        ranges.push([from, from]);
      }
      i++;
    }
    if (i >= glob.length) return false;
    this.out.push({ op: "class", negated, ranges });
    this.at = i + 1;
    return true;
  }

  /** The index of the `}` that closes the `{` at `open`, counting nested pairs; -1 if none. */
  private closingBrace(open: number): number {
    const { glob } = this;
    let depth = 0;
    for (let i = open; i < glob.length; i++) {
      const c = glob[i];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return i;
    }
    return -1;
  }

  /** `{a,b,…}`: a split to each alternative, each ending in a jump past the last. */
  private alternatives(): void {
    const split: Extract<Instruction, { op: "split" }> = { op: "split", to: [] };
    this.out.push(split);
    const jumps: Array<Extract<Instruction, { op: "jump" }>> = [];
    const atSegmentStart = this.atSegmentStart();
    const outer = [this.alternativeStart, this.alternativeAtSegmentStart] as const;
    this.at++; // the {
    for (;;) {
      split.to.push(this.out.length);
      this.alternativeStart = this.at;
      this.alternativeAtSegmentStart = atSegmentStart;
      this.sequence(true);
      const jump: Extract<Instruction, { op: "jump" }> = { op: "jump", to: -1 };
      this.out.push(jump);
      jumps.push(jump);
      const c = this.glob[this.at];
      this.at++;
      if (c !== ",") break; // the closing }
    }
    for (const jump of jumps) jump.to = this.out.length;
    [this.alternativeStart, this.alternativeAtSegmentStart] = outer;
  }
}
