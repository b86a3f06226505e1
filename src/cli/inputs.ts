import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { formatBytes } from '@shared/text/format'
import { decodeFileBytes } from '@shared/contract/textDecoding'
import { CliError, EXIT_FAIL, EXIT_USAGE } from './errors'
import { GitignoreStack } from './gitignore'

/** A file to read: its path as shown (relative to what the user typed), or `-` for standard input. */
export interface FoundFile {
  path: string
  absolute: string
  /** Its size in bytes when listed (0 for standard input): decides whether workers pay. */
  size: number
}

/** Why an input was not counted. */
export type SkipReason = 'binary' | 'too-large' | 'unreadable'

/** An input left out, with the reason and a sentence for the user. */
export interface SkippedInput {
  path: string
  reason: SkipReason
  message: string
}

/** The text of one input, or why it was skipped. */
export type ReadResult = { ok: true; text: string; invalidBytes: number } | { ok: false; skipped: SkippedInput }

/** The path of standard input. */
export const STDIN = '-'

function describe(err: unknown): string {
  const code = (err as { code?: string }).code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR') return 'a part of the path is not a folder'
  if (code === 'ELOOP') return 'too many symbolic links'
  return err instanceof Error ? err.message : String(err)
}

/**
 * Every file under `paths`, in order: named files as they are (even if ignored), folders
 * walked recursively in name order, skipping `.git` and (with `gitignore`) what git ignores.
 * A named path that does not exist or cannot be read is a usage error (exit 2), reported
 * before any work; a folder met inside the walk that cannot be read is skipped.
 */
export async function findFiles(paths: readonly string[], gitignore: boolean, command: string | null = null): Promise<{ files: FoundFile[]; skipped: SkippedInput[] }> {
  const files: FoundFile[] = []
  const skipped: SkippedInput[] = []
  const seen = new Set<string>()
  const add = (path: string, absolute: string, size: number): void => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({ path, absolute, size })
  }
  const kinds: ('file' | 'folder' | 'stdin')[] = []
  const sizes: number[] = []
  for (const path of paths) {
    if (path === STDIN) {
      kinds.push('stdin')
      sizes.push(0)
      continue
    }
    try {
      const s = await stat(path)
      sizes.push(s.size)
      if (s.isDirectory()) kinds.push('folder')
      else if (s.isFile()) kinds.push('file')
      else throw new CliError(`Cannot read ${path}: not a file or folder.`, EXIT_USAGE, command)
    } catch (err) {
      if (err instanceof CliError) throw err
      throw new CliError(`Cannot read ${path}: ${describe(err)}.`, EXIT_USAGE, command)
    }
  }
  for (let k = 0; k < paths.length; k++) {
    const path = paths[k]
    if (kinds[k] === 'stdin') add(STDIN, STDIN, 0)
    else if (kinds[k] === 'file') add(path, resolve(path), sizes[k])
    else {
      const absolute = resolve(path)
      await walk(path, absolute, gitignore ? GitignoreStack.forFolder(absolute) : GitignoreStack.none(), add, skipped)
    }
  }
  return { files, skipped }
}

async function walk(
  shown: string,
  absolute: string,
  rules: GitignoreStack,
  add: (path: string, absolute: string, size: number) => void,
  skipped: SkippedInput[],
): Promise<void> {
  let entries
  try {
    entries = await readdir(absolute, { withFileTypes: true })
  } catch (err) {
    skipped.push({ path: shown, reason: 'unreadable', message: `Cannot read the folder: ${describe(err)}.` })
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name === '.git') continue
    const childShown = join(shown, entry.name)
    const childAbsolute = join(absolute, entry.name)
    const isFolder = entry.isDirectory()
    if (!isFolder && !entry.isFile() && !entry.isSymbolicLink()) continue
    if (rules.ignores(childAbsolute, isFolder)) continue
    if (isFolder) {
      await walk(childShown, childAbsolute, rules.enter(childAbsolute), add, skipped)
      continue
    }
    // Links to files are read; links to folders are not followed (they can loop).
    try {
      const s = await stat(childAbsolute)
      if (s.isFile()) add(childShown, childAbsolute, s.size)
    } catch (err) {
      const broken = entry.isSymbolicLink() && (err as { code?: string }).code === 'ENOENT'
      skipped.push({ path: childShown, reason: 'unreadable', message: broken ? 'A broken symbolic link.' : `Cannot read it: ${describe(err)}.` })
    }
  }
}

function tooLarge(size: number, maxBytes: number): string {
  return `It is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size).`
}

let stdinText: Promise<Uint8Array> | null = null

/** All of standard input (read once, however often `-` is named). */
function readStdin(): Promise<Uint8Array> {
  stdinText ??= (async () => {
    // Typed input: say how to end it, or a bare `tokenizer-explorer count` looks hung.
    if (process.stdin.isTTY) process.stderr.write('Reading standard input (end it with Ctrl-D, or name a file; --help for more)...\n')
    const parts: Buffer[] = []
    for await (const part of process.stdin) parts.push(part as Buffer)
    return new Uint8Array(Buffer.concat(parts))
  })()
  return stdinText
}

/**
 * Reads and decodes one input as the app opens a file (UTF-8, or UTF-16 with a BOM; invalid
 * bytes become U+FFFD and are counted). Binary files, files over `maxBytes` and files that
 * cannot be read come back as skipped, with the reason.
 */
export async function readInput(file: FoundFile, maxBytes: number): Promise<ReadResult> {
  let bytes: Uint8Array
  try {
    if (file.absolute === STDIN) bytes = await readStdin()
    else {
      // The size seen when the file was listed; decodeFileBytes checks the bytes read again.
      if (file.size > maxBytes) return { ok: false, skipped: { path: file.path, reason: 'too-large', message: tooLarge(file.size, maxBytes) } }
      bytes = await readFile(file.absolute)
    }
  } catch (err) {
    return { ok: false, skipped: { path: file.path, reason: 'unreadable', message: `Cannot read it: ${describe(err)}.` } }
  }
  const decoded = decodeFileBytes(bytes, maxBytes)
  if (!decoded.ok) {
    const message = decoded.reason === 'too-large' ? tooLarge(bytes.length, maxBytes) : 'A binary file (it contains NUL bytes), not text.'
    return { ok: false, skipped: { path: file.path, reason: decoded.reason, message } }
  }
  return { ok: true, text: decoded.text, invalidBytes: decoded.invalidBytes }
}

/**
 * The text of the one input of encode, trim and split. A path that does not exist is a
 * usage error (exit 2); a binary, oversized or unreadable file is exit 1, with the reason.
 */
export async function readOneText(path: string, maxBytes: number, command: string): Promise<string> {
  const { files } = await findFiles([path], false, command)
  const read = await readInput(files[0], maxBytes)
  if (!read.ok) throw new CliError(`Cannot use ${read.skipped.path === STDIN ? 'standard input' : read.skipped.path}: ${read.skipped.message}`, EXIT_FAIL, command)
  if (read.invalidBytes > 0) process.stderr.write(`warning: ${path === STDIN ? 'standard input' : path} is not valid UTF-8: ${read.invalidBytes} byte${read.invalidBytes === 1 ? ' was' : 's were'} replaced with U+FFFD.\n`)
  return read.text
}
