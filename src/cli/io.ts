/** Where a subcommand writes: standard output and error, and a clock (so tests can drive both). */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** True when standard error is a terminal (progress lines go there only then). */
  errIsTTY: boolean
  /** Milliseconds, monotonic. */
  now(): number
}

/** A CliIO on the process's streams. */
export function processIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    now: () => performance.now(),
  }
}

/** A CliIO that collects what is written (for tests). */
export function memoryIO(options: { tty?: boolean; clock?: () => number } = {}): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    errIsTTY: options.tty === true,
    now: options.clock ?? (() => performance.now()),
  }
  return io
}
