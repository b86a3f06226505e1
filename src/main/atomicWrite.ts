import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readlink, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/** Options for writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Permissions of a file that does not exist yet (the umask applies); an existing file keeps its own. Default 0o666. */
  newFileMode?: number
}

/** Symbolic links followed before giving up (the same limit as Linux's ELOOP). */
const MAX_LINK_HOPS = 40

/**
 * Writes a file so that readers (and the next launch, even after a crash or a kill) see
 * either the old content or the new, never a part: the data goes to a temporary file in
 * the same folder, is flushed to disk (fsync), and then renamed over the target, and the
 * folder is flushed so the rename itself survives a power cut.
 *
 * What the user set up around the file is kept:
 * - its permissions (and owner, where the process may set it): the new file gets them before the rename;
 * - a symbolic link: the file it points to is written, and the link stays a link;
 * - a hard link (a file with more than one name): written in place, so every name sees
 *   the new text. A rename would give this name a new file and leave the other names with
 *   the old text, which the user would not expect (vim and Emacs keep such links too).
 *   Writing in place is not atomic, so the complete new content is first flushed to the
 *   temporary file, which is removed only after the in-place write is on disk: a crash in
 *   between leaves the whole new text beside the file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await followLinks(path)
  const existing = await stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  const dir = dirname(target)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'w', existing ? 0o600 : (options.newFileMode ?? 0o666))
    try {
      if (existing) await keepOwnership(handle, existing)
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (existing && existing.isFile() && existing.nlink > 1) {
      await writeInPlace(target, data)
      await unlink(temp)
      return
    }
    await rename(temp, target)
  } catch (err) {
    await unlink(temp).catch(() => undefined)
    throw err
  }
  await syncFolder(dir)
}

/** The path a write to `path` should change: the end of its chain of symbolic links (which may not exist yet). */
export async function followLinks(path: string): Promise<string> {
  let current = resolve(path)
  for (let hops = 0; hops < MAX_LINK_HOPS; hops++) {
    let info: Stats
    try {
      info = await lstat(current)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return current
      throw err
    }
    if (!info.isSymbolicLink()) return current
    current = resolve(dirname(current), await readlink(current))
  }
  throw new Error(`Too many symbolic links: ${path}`)
}

/** Gives the new file the old one's permission bits and, where allowed, its owner. */
async function keepOwnership(handle: FileHandle, old: Stats): Promise<void> {
  await handle.chmod(old.mode & 0o7777)
  if (process.platform !== 'win32' && (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())) {
    // Only root (or the owner, for a group it belongs to) may do this; otherwise the file becomes ours.
    await handle.chown(old.uid, old.gid).catch(() => undefined)
  }
}

/** Overwrites a file's content in place (same inode), flushed to disk. */
async function writeInPlace(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.truncate(0)
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
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
