/** Where a command writes its report, one line at a time (stdout in the CLI, an array in tests). */
export type WriteLine = (line: string) => void;

/** A refusal the operator can act on (exit 1), such as a rotation already in progress. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The command line itself is wrong (exit 2): unknown command, missing or misplaced flag. */
export class UsageError extends Error {
  override name = 'UsageError';
}
