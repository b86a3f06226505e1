import { posix, win32 } from 'node:path'

/**
 * Why the page may not have the main process open `path`, or null when it may be tried:
 * relative paths (they would resolve against wherever the app was started) and paths
 * that reach another machine. On Windows a UNC path (\\host\share\file, or //host/...,
 * \\?\UNC\..., and the \\.\ and \\?\ device namespaces) makes the system connect to
 * that host over SMB and offer the user's credentials (an NTLM hash) before a byte is
 * read; on other systems a leading // is implementation-defined and refused the same way.
 */
export function pathRefusal(path: string, platform: NodeJS.Platform = process.platform): string | null {
  const p = platform === 'win32' ? win32 : posix
  if (/^[\\/]{2}/.test(path) || (platform === 'win32' && /^[\\/][?.][\\/]/.test(path))) return 'it is on another computer or a device (network paths are not opened)'
  if (!p.isAbsolute(path)) return 'the path is not a full path'
  if (platform === 'win32' && !/^[a-zA-Z]:[\\/]/.test(path)) return 'the path names no drive'
  return null
}

/**
 * The paths the main process itself was given by the user: chosen in the open or save
 * dialog, named on the command line or by the system (a second launch, macOS open-file),
 * on the recent list, the file of the last session, or dropped with proof of content.
 * The page may ask to open only these (and new drops with proof), never a path it made up.
 */
export class OpenablePaths {
  private readonly paths = new Set<string>()

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  private key(path: string): string {
    const p = this.platform === 'win32' ? win32 : posix
    const normal = p.normalize(path)
    // Windows and macOS file systems usually ignore case; a false "yes" here only allows a path the user gave in another case.
    return this.platform === 'win32' || this.platform === 'darwin' ? normal.toLowerCase() : normal
  }

  /** Remembers a path the user gave (ignored when it is not a local full path). */
  allow(path: string): void {
    if (pathRefusal(path, this.platform) === null) this.paths.add(this.key(path))
  }

  /** True when the user gave this path. */
  has(path: string): boolean {
    return this.paths.has(this.key(path))
  }
}
