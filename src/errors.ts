/** Operational errors (bad usage, bad configuration): exit code 2. Only the CLI renders them. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
