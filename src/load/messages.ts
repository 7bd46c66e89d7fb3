/** Wording of the loader's findings (rule id `parse`), by message id. */
export const loaderMessages = {
  tooLarge: "file is {bytes} bytes, over the limit of {limit}",
  notUtf8: "file is not valid UTF-8",
  byteOrderMark: "file starts with a byte-order mark; it is ignored, but better removed",
  empty: "file is empty",
  syntax: "YAML syntax error: {detail}",
  duplicateKey: "duplicate key: {detail}",
  tab: "tab used for indentation; YAML indents with spaces",
  yamlWarning: "YAML: {detail}",
  tooManyNodes: "document expands to more than {limit} values (alias expansion?)",
  tooDeep: "document nests deeper than {limit} levels",
  tooManyAliases: "document uses more than {limit} aliases",
  complexKey: "keys must be plain strings",
  forbiddenKey: "key \"{key}\" is not allowed",
  readError: "could not read file: {detail}",
  tooManyFindings: "and {more} more findings in this file (at most {limit} are listed: limits.max-findings-per-file)",
  linkedFolder: "folder \"{path}\" {reason} through a symbolic link; nothing in it is read",
} as const;
