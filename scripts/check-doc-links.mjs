// Checks that every relative link in README.md and docs/**/*.md resolves: the file exists and,
// for a link with #anchor, the target Markdown file has a heading with that anchor (GitHub's
// rule: lower case, punctuation dropped, spaces to hyphens, -1, -2 ... for repeats). Web
// links are not fetched (the machines are offline). Links inside code are not links.
// Usage: node scripts/check-doc-links.mjs [root]   (prints each broken link; exit 1 if any)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The Markdown files checked under `root`: README.md and every .md below docs/. */
export function docFiles(root) {
  const files = []
  if (existsSync(join(root, 'README.md'))) files.push(join(root, 'README.md'))
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.md')) files.push(path)
    }
  }
  if (existsSync(join(root, 'docs'))) walk(join(root, 'docs'))
  return files
}

/** `text` with fenced code blocks and inline code blanked out, line breaks kept (so line numbers stay right). */
function withoutCode(text) {
  const blank = (s) => s.replace(/[^\n]/g, ' ')
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/(`+)[^`\n]*?\1/g, blank)
}

/** GitHub's anchor for a heading's text. */
export function headingAnchor(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/[`*_~]/g, (c) => (c === '_' ? '_' : '')) // inline formatting marks (underscores stay)
    .trim()
    .toLowerCase()
  return text.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
}

/** Every anchor the headings of a Markdown text define, repeats numbered as GitHub does. */
export function anchorsOf(markdown) {
  const seen = new Map()
  const anchors = new Set()
  for (const line of withoutCode(markdown).split('\n')) {
    const m = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!m) continue
    const base = headingAnchor(m[1])
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

/** The links of a Markdown text: target and 1-based line, outside code. */
export function linksOf(markdown) {
  const links = []
  const lines = withoutCode(markdown).split('\n')
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1], line: i + 1 })
  })
  return links
}

/** Broken links of the docs under `root`: [{ file, line, target, reason }] (file relative to root). */
export function checkDocLinks(root) {
  const problems = []
  const anchorCache = new Map()
  const anchorsIn = (path) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, 'utf8')))
    return anchorCache.get(path)
  }
  let checked = 0
  for (const file of docFiles(root)) {
    for (const { target, line } of linksOf(readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto: ...: not fetched
      checked++
      const hash = target.indexOf('#')
      const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash))
      const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1))
      const report = (reason) => problems.push({ file: relative(root, file), line, target, reason })
      const dest = pathPart ? resolve(dirname(file), pathPart) : file
      if (relative(root, dest).startsWith('..')) {
        report('points outside the repository')
        continue
      }
      if (!existsSync(dest)) {
        report('no such file')
        continue
      }
      if (anchor === null || anchor === '') continue
      if (!dest.endsWith('.md')) report('an anchor into a file that is not Markdown')
      else if (!anchorsIn(dest).has(anchor)) report(`no heading with anchor #${anchor}`)
    }
  }
  return { checked, problems }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'))
  const { checked, problems } = checkDocLinks(root)
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.target}: ${p.reason}`)
  console.log(`${checked} links checked, ${problems.length} broken.`)
  process.exitCode = problems.length ? 1 : 0
}
