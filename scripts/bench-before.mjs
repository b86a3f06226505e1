// `npm run bench -- --before <git-ref>`: builds that commit's web renderer for the bench to
// compare with. The commit is checked out in a temporary git worktree outside the
// repository (the repository's own files are never touched), the repository's
// node_modules is linked into it, the renderer is built there, its out/web is moved out and
// the worktree removed again. The built folder stays in the temporary directory until the
// bench is over; `cleanup()` removes it. Anything that fails cleans up before it throws.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A failure the user can act on; the bench prints its message without a stack. */
export class BeforeBuildError extends Error {}

function git(args, options = {}) {
  return spawnSync('git', args, { encoding: 'utf8', ...options })
}

/**
 * The `--before` ref from the command line (`--before <ref>` or `--before=<ref>`) or
 * BENCH_BEFORE; null when neither is given. Throws when `--before` has no ref after it.
 */
export function beforeRefFrom(argv, env) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--before=')) return argv[i].slice('--before='.length) || missingRef()
    if (argv[i] === '--before') return argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : missingRef()
  }
  return env.BENCH_BEFORE || null
}

function missingRef() {
  throw new BeforeBuildError('bench: --before needs a git ref (a commit, branch or tag), for example --before main')
}

/**
 * Builds the web renderer of `ref` (as of the repository in `repo`). Returns the absolute
 * path of the built folder, the commit's short id and subject, and `cleanup()`, which
 * removes the temporary directory (safe to call twice).
 */
export function buildBefore(ref, repo = process.cwd()) {
  const sha = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo }).stdout.trim()
  if (!sha) throw new BeforeBuildError(`bench: --before ${ref}: no such commit in this repository (try a commit id, a branch, a tag or HEAD~N)`)
  const short = sha.slice(0, 9)
  const subject = git(['log', '-1', '--format=%s', sha], { cwd: repo }).stdout.trim()

  const tmp = mkdtempSync(join(tmpdir(), `tokenizer-explorer-bench-${short}-`))
  const tree = join(tmp, 'tree')
  const web = join(tmp, 'web')
  const removeTree = () => {
    if (!existsSync(tree)) return
    git(['worktree', 'remove', '--force', tree], { cwd: repo })
    // A tree git no longer knows (or could not remove) goes by hand; prune forgets it.
    rmSync(tree, { recursive: true, force: true })
    git(['worktree', 'prune'], { cwd: repo })
  }
  const cleanup = () => {
    removeTree()
    rmSync(tmp, { recursive: true, force: true })
  }
  try {
    console.log(`[bench] building ${ref} (${short} ${subject}) in ${tree}`)
    const add = git(['worktree', 'add', '--detach', tree, sha], { cwd: repo })
    if (add.status !== 0) throw new BeforeBuildError(`bench: --before ${ref}: git worktree add failed:\n${add.stderr.trim()}`)
    symlinkSync(resolve(repo, 'node_modules'), join(tree, 'node_modules'), 'dir')
    if (!existsSync(join(tree, 'vite.web.config.ts'))) throw new BeforeBuildError(`bench: --before ${ref}: that commit has no vite.web.config.ts (no web renderer to compare with)`)
    const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: tree, stdio: 'inherit' })
    if (build.status !== 0) throw new BeforeBuildError(`bench: --before ${ref}: its web renderer does not build (vite exited with ${build.status ?? build.signal}; its output is above)`)
    const built = join(tree, 'out/web')
    if (!existsSync(join(built, 'index.html'))) throw new BeforeBuildError(`bench: --before ${ref}: the build wrote no out/web/index.html`)
    renameSync(built, web)
    removeTree()
    return { dir: web, sha: short, subject, cleanup }
  } catch (err) {
    cleanup()
    throw err
  }
}
