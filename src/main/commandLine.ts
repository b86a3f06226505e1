import { isAbsolute, resolve } from 'node:path'

/**
 * The file named on a command line (`tokenizer-explorer notes.txt`), resolved against the
 * folder it was started in, or null. Skips the executable, the app path when run as
 * `electron .` (defaultApp), and flags (Chromium's and ours start with -).
 */
export function fileFromArgv(argv: readonly string[], cwd: string, defaultApp: boolean): string | null {
  const rest = argv.slice(1).filter((a) => !a.startsWith('-'))
  const args = defaultApp ? rest.slice(1) : rest
  const file = args.find((a) => a.length > 0 && a.length < 4096)
  if (!file) return null
  return isAbsolute(file) ? file : resolve(cwd, file)
}
