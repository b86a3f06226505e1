import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes a file so that readers (and the next launch, even after a crash or a kill) see
 * either the old content or the new, never a part: the data goes to a temporary file in
 * the same folder, is flushed to disk (fsync), and then renamed over the target, and the
 * folder is flushed so the rename itself survives a power cut.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => undefined)
    throw err
  }
  await syncFolder(dir)
}

/** Flushes a folder's entries to disk; not possible on every platform (Windows), where it is skipped. */
async function syncFolder(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Folders cannot be opened or synced on Windows; the rename is still atomic there.
  } finally {
    await handle?.close()
  }
}
