import { YamlEditError, YamlEditor } from "../edit/yaml-editor.js";
import { LEGACY_MAPPING, LEGACY_RELIABILITY, type LegacyReliability } from "../model/source-standing.js";

/**
 * The migration from a source record's retired `reliability` class to `kind` and `standing`
 * (docs/source-standing.md). Registered by name in `claimcheck migrate`.
 *
 * The old class cannot tell kind and standing apart for every outlet, so it writes what the
 * class does say and leaves the rest to a reviewer: `wire` was used for agencies and
 * newspapers alike, so it becomes kind `unknown`; `primary`, `specialist` and `mirror` keep
 * their kind; `low` was a judgement of standing and becomes `unreliable`. Every other
 * standing is `unassessed`, which the rule source-standing reports until someone decides it.
 */
export const name = "source-standing";

export const description = "Replace a source record's retired reliability class with kind and standing (standing unassessed where a reviewer must decide).";

/** The kinds of file it applies to: source records (the files the `sources` globs find, but the entity registry). */
export const appliesTo = ["source"] as const;

/**
 * Rewrites one source record's text in place: `reliability: <class>` becomes `kind:` and
 * `standing:` at the same place, keeping comments, key order and every other byte. Text with
 * no `reliability` key, with a value that is not one of the old classes, or that does not
 * parse comes back unchanged (the check reports those). Applying it twice changes nothing more.
 */
export function migrate(text: string): string {
  let editor: YamlEditor;
  try {
    editor = new YamlEditor(text);
  } catch (error) {
    if (error instanceof YamlEditError) return text;
    throw error;
  }
  const data = editor.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) return text;
  const record = data as Record<string, unknown>;
  const old = record.reliability;
  if (typeof old !== "string" || !(LEGACY_RELIABILITY as readonly string[]).includes(old)) return text;
  const mapped = LEGACY_MAPPING[old as LegacyReliability];
  // What the record already says wins over what the old class implies.
  if (record.kind === undefined) {
    editor.rename(["reliability"], "kind").set(["kind"], mapped.kind);
  } else {
    editor.delete(["reliability"]);
  }
  if (record.standing === undefined) editor.set(["standing"], mapped.standing, { after: "kind" });
  return editor.text;
}
