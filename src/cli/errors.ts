/** Exit codes of every subcommand. */
export const EXIT_OK = 0
/** Something does not fit (check), or the input cannot be used (decode of a bad id, ...). */
export const EXIT_FAIL = 1
/** Bad usage: unknown command or option, a bad value, a path that cannot be read. */
export const EXIT_USAGE = 2
/** Nothing to work on: count or check read no file (every input skipped, or none found); decode found no ids. */
export const EXIT_NO_INPUT = 3

/**
 * An error the user can act on: printed as one message (never a stack trace) and mapped to
 * an exit code. `command` names the subcommand whose help the message points to.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    readonly command: string | null = null,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** A usage mistake (exit code 2). */
export function usageError(message: string, command: string | null = null): CliError {
  return new CliError(message, EXIT_USAGE, command)
}
