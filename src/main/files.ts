import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { OpenTextFileResult, OpenTokenizerResult } from '@shared/contract/ipc'
import { MAX_FILE_BYTES, openTextFileFromBytes, tooLargeMessage } from '@shared/contract/textDecoding'
import { MAX_TOKENIZER_BYTES, tokenizerFolderName, tokenizerTooLargeMessage } from '@shared/tokenizer/userTokenizer'

/** The message when a file's bytes are not the ones expected (see readTextFile's `expectSha256`). */
export const NOT_THE_DROPPED_FILE = 'its content is not that of the file dropped (it may have changed since)'

/**
 * Reads a text file for the editor: refuses folders, unreadable and oversized files with a
 * message, and decodes the rest (see decodeFileBytes). With `expectSha256` (hex), the
 * file opens only when its bytes have that SHA-256 digest.
 */
export async function readTextFile(path: string, maxBytes = MAX_FILE_BYTES, expectSha256?: string): Promise<OpenTextFileResult> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (info.isDirectory()) return { kind: 'error', message: `Could not open ${name}: it is a folder, not a file.` }
    if (!info.isFile()) return { kind: 'error', message: `Could not open ${name}: it is not a regular file.` }
    if (info.size > maxBytes) {
      return { kind: 'error', message: `Could not open ${name}. ${tooLargeMessage(info.size, maxBytes)}` }
    }
    const bytes = await readBounded(path, Math.min(info.size, maxBytes))
    if (expectSha256 !== undefined && !hasDigest(bytes, expectSha256)) {
      return { kind: 'error', message: `Could not open ${name} by its path: ${NOT_THE_DROPPED_FILE}.` }
    }
    return openTextFileFromBytes(name, bytes, maxBytes)
  } catch (err) {
    return { kind: 'error', message: `Could not open ${name}: ${readFailure(err)}.` }
  }
}

/** Reads at most `expected` + 1 bytes, so a file that grew since its size was read is still seen as larger. */
async function readBounded(path: string, expected: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(expected + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) break
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } finally {
    await handle.close()
  }
}

/** True when `bytes` have the SHA-256 digest `sha256` (hex). */
function hasDigest(bytes: Uint8Array, sha256: string): boolean {
  return createHash('sha256').update(bytes).digest('hex') === sha256.toLowerCase()
}

/** Why a file could not be read, in the user's words. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the file does not exist' : (err as Error).message
}

/**
 * Reads a tokenizer the user chose or dropped: `path` is a tokenizer.json (any name) or a
 * model folder holding one. The tokenizer_config.json beside it comes too when there is
 * one (for the chat template and the name); a missing or oversized config is left out.
 * Files over `maxBytes` are refused before they are read. With `expectSha256`, the
 * tokenizer.json opens only when its bytes have that digest (a drop's proof).
 */
export async function readTokenizerFiles(path: string, expectSha256?: string, maxBytes = MAX_TOKENIZER_BYTES): Promise<OpenTokenizerResult> {
  let name = basename(path)
  try {
    let file = path
    let sourceName = tokenizerFolderName(path, false) ?? name
    let info = await stat(path)
    if (info.isDirectory()) {
      sourceName = tokenizerFolderName(path, true) ?? name
      file = join(path, 'tokenizer.json')
      name = `${sourceName}/tokenizer.json`
      info = await stat(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') throw new Error('the folder has no tokenizer.json')
        throw err
      })
    }
    if (!info.isFile()) return { kind: 'error', message: `Could not open ${name}: it is not a regular file.` }
    if (info.size > maxBytes) return { kind: 'error', message: tokenizerTooLargeMessage(name, info.size, maxBytes) }
    const tokenizer = await readBounded(file, info.size)
    if (tokenizer.length > maxBytes) return { kind: 'error', message: tokenizerTooLargeMessage(name, tokenizer.length, maxBytes) }
    if (expectSha256 !== undefined && !hasDigest(tokenizer, expectSha256)) {
      return { kind: 'error', message: `Could not open ${name} by its path: ${NOT_THE_DROPPED_FILE}.` }
    }
    return { kind: 'opened', files: { sourceName, fileName: basename(file), tokenizer, config: await readConfigBeside(file, maxBytes) } }
  } catch (err) {
    return { kind: 'error', message: `Could not open ${name}: ${readFailure(err)}.` }
  }
}

/** The tokenizer_config.json beside a tokenizer.json, or null (none, unreadable or too large). */
async function readConfigBeside(file: string, maxBytes: number): Promise<Uint8Array | null> {
  const config = join(dirname(file), 'tokenizer_config.json')
  try {
    const info = await stat(config)
    if (!info.isFile() || info.size > maxBytes) return null
    const bytes = await readBounded(config, info.size)
    return bytes.length > maxBytes ? null : bytes
  } catch {
    return null
  }
}
