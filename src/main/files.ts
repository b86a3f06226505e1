import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { OpenTextFileResult } from '@shared/app/ipc'
import { MAX_FILE_BYTES, openTextFileFromBytes, tooLargeMessage } from '@shared/app/textDecoding'

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
    // Read at most maxBytes + 1 so a file that grows meanwhile is still caught.
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
      let length = 0
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
        if (bytesRead === 0) break
        length += bytesRead
        if (length === buffer.length) break
      }
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length)
      if (expectSha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== expectSha256.toLowerCase()) {
        return { kind: 'error', message: `Could not open ${name} by its path: ${NOT_THE_DROPPED_FILE}.` }
      }
      return openTextFileFromBytes(name, bytes, maxBytes)
    } finally {
      await handle.close()
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the file does not exist' : (err as Error).message
    return { kind: 'error', message: `Could not open ${name}: ${why}.` }
  }
}
