import type { Migration } from "../migration.js";
import { appliesTo, description, migrate, name } from "../source-standing.js";

/** The retired `reliability` class of a source record becomes `kind` and `standing` (docs/source-standing.md). */
export const migration: Migration = {
  id: name,
  description,
  migrate(file) {
    return (appliesTo as readonly string[]).includes(file.role) ? migrate(file.text) : file.text;
  },
};
