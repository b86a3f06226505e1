import ignore, { type Ignore } from 'ignore'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

/** One ignore file's rules and the folder its patterns are relative to. */
interface Layer {
  base: string
  rules: Ignore
}

/**
 * Git's ignore rules for a walk: .git/info/exclude and the .gitignore files from the
 * repository root down to the folder being read. As in git, a deeper file's rules win over
 * an outer one's, and within one file the last matching pattern wins (so `!keep.txt`
 * re-includes); a file inside an ignored folder is never reached (the walk skips the folder).
 * Immutable: `enter` returns a new stack for a subfolder.
 */
export class GitignoreStack {
  private constructor(
    private readonly layers: readonly Layer[],
    private readonly reads = true,
  ) {}

  /** The rules in force at `folder` (absolute): its repository's exclude file and the .gitignore files above it, then its own. */
  static forFolder(folder: string): GitignoreStack {
    const above: string[] = []
    let root: string | null = null
    for (let dir = folder; ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) {
        root = dir
        break
      }
      above.push(dir)
      if (dirname(dir) === dir) break
    }
    let stack = new GitignoreStack([])
    if (root === null) return stack.enter(folder)
    stack = stack.withFile(root, join(root, '.git', 'info', 'exclude'))
    stack = stack.enter(root)
    // `above` runs from `folder` up to just below the root.
    for (const dir of above.reverse()) stack = stack.enter(dir)
    return stack
  }

  /** A stack that ignores nothing and reads no ignore files (--no-ignore). */
  static none(): GitignoreStack {
    return new GitignoreStack([], false)
  }

  /** The stack with `folder`'s own .gitignore (if it has one) added. */
  enter(folder: string): GitignoreStack {
    return this.withFile(folder, join(folder, '.gitignore'))
  }

  private withFile(base: string, file: string): GitignoreStack {
    if (!this.reads) return this
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return this
    }
    return new GitignoreStack([...this.layers, { base, rules: ignore().add(text) }])
  }

  /** True when git would ignore `path` (absolute); `isFolder` for a folder (patterns ending in / match only folders). */
  ignores(path: string, isFolder: boolean): boolean {
    let ignored = false
    for (const { base, rules } of this.layers) {
      const rel = relative(base, path)
      if (rel === '' || rel.startsWith('..')) continue
      const posix = sep === '/' ? rel : rel.split(sep).join('/')
      const result = rules.test(isFolder ? `${posix}/` : posix)
      if (result.ignored) ignored = true
      else if (result.unignored) ignored = false
    }
    return ignored
  }
}
