import { CASE_FOLDS, SPLIT_CLASSES } from './unicodeTables.gen'

/**
 * Pre-tokenizer patterns of tokenizer.json files (Rust `onig` syntax) as JavaScript regexes
 * that match what the reference matches. Every `\p{..}` general category and `\s` is spelled
 * out from the reference's own tables (unicodeTables.gen.ts: Unicode 16.0, probed from Hugging
 * Face's Rust `tokenizers`), never the JavaScript engine's (Node 20.20 has Unicode 17, and its
 * `\s` has U+FEFF but not U+0085, the reverse of onig's). Inline `(?i:...)` groups (which
 * Node 20 lacks) become explicit case classes with onig's folds (`s` also matches U+017F).
 * Anything the rewrite does not understand throws, and so does a `\p{..}` that is not a
 * general category (a script, say): its table is not pinned.
 *
 * Spelled-out classes make V8 split 3-5x slower (it stops optimising patterns over 20 KB), so
 * a SplitRegex also keeps a fast twin that uses the engine's own `\p{..}` and is used only for
 * texts whose every character the engine classifies as the pinned tables do (checked once per
 * character and class, then remembered): exact either way, on any JavaScript engine.
 */

const hex = (cp: number) => `\\u{${cp.toString(16)}}`

/** Class contents (no brackets) for inclusive ranges lo, hi, lo, hi, ... */
function rangesBody(ranges: readonly number[]): string {
  let out = ''
  for (let i = 0; i < ranges.length; i += 2) out += ranges[i] === ranges[i + 1] ? hex(ranges[i]) : `${hex(ranges[i])}-${hex(ranges[i + 1])}`
  return out
}

/** The ranges not in `ranges` (over all code points). */
function complement(ranges: readonly number[]): number[] {
  const out: number[] = []
  let next = 0
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] > next) out.push(next, ranges[i] - 1)
    next = ranges[i + 1] + 1
  }
  if (next <= 0x10ffff) out.push(next, 0x10ffff)
  return out
}

const bodies = new Map<string, string>()

/** Class contents of a pinned class (`L`, `Lu`, ..., `White_Space`), or of its complement. */
function classBody(name: string, negated: boolean): string {
  const key = `${negated ? '^' : ''}${name}`
  let body = bodies.get(key)
  if (body === undefined) {
    const ranges = Object.hasOwn(SPLIT_CLASSES, name) ? SPLIT_CLASSES[name] : undefined
    if (!ranges) throw new Error(`Unsupported pattern: \\p{${name}} (only general categories have pinned tables)`)
    body = rangesBody(negated ? complement(ranges) : ranges)
    bodies.set(key, body)
  }
  return body
}

/** Rewrites `(?i:abc|'d)` groups of literal text into explicit case classes. */
function expandCaseInsensitive(source: string): string {
  return source.replace(/\(\?i:([^()[\]\\]*)\)/g, (_, body: string) => {
    const cased = [...body]
      .map((c) => {
        const folds = CASE_FOLDS[c.toLowerCase()]
        if (folds) return `[${folds.map((cp) => hex(cp)).join('')}]`
        return c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c
      })
      .join('')
    return `(?:${cased})`
  })
}

/**
 * Rewrites `\s`, `\S`, `\p{..}` and `\P{..}` to pinned classes, inside and outside character
 * classes; with `engine`, general categories stay the engine's `\p{..}` (and their names are
 * collected there). White space is always pinned (the engine's `\s` is another set).
 */
function rewriteClasses(source: string, engine?: Set<string>): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      const e = source[i + 1]
      let name: string | undefined
      let negated = false
      let skip = 1
      if (e === 's' || e === 'S') {
        name = 'White_Space'
        negated = e === 'S'
      } else if (e === 'p' || e === 'P') {
        const m = /^\{(\^?)([A-Za-z_]+)\}/.exec(source.slice(i + 2))
        if (!m) throw new Error(`Unsupported pattern: \\${e} without {name}`)
        name = m[2]
        negated = (e === 'P') !== (m[1] === '^')
        skip = 1 + m[0].length
      }
      if (name === undefined) out += c + e
      else if (engine && name !== 'White_Space') {
        classBody(name, false) // throws for names without a pinned table
        engine.add(name)
        out += `\\${negated ? 'P' : 'p'}{${name}}`
      } else if (inClass) out += classBody(name, negated)
      else out += `[${classBody(name, negated)}]`
      i += skip
      continue
    }
    if (c === '[') {
      if (inClass) throw new Error('Unsupported pattern: nested character class')
      inClass = true
    } else if (c === ']') inClass = false
    out += c
  }
  return out
}

/** A global, Unicode-aware JavaScript regex matching what the onig pattern matches (all classes spelled out). */
export function toJsRegex(onigPattern: string): RegExp {
  if (/\(\?[imsx-]+[:)]/.test(expandCaseInsensitive(onigPattern))) throw new Error(`Unsupported inline flags in pattern ${onigPattern}`)
  return new RegExp(rewriteClasses(expandCaseInsensitive(onigPattern)), 'gu')
}

/** An onig pattern as JavaScript: the exact regex, and the fast one where it gives the same. */
export interface SplitRegex {
  /** Source of the exact regex. */
  readonly source: string
  /** A global regex (lastIndex to be reset by the caller) that splits `text` as the reference does. */
  regexFor(text: string): RegExp
}

/** Per class name: 1 where the engine's `\p{name}` agrees with the pinned table, 2 where not, 0 not yet checked. */
const agreement = new Map<string, Uint8Array>()
/** Per class name: the engine's `^\p{name}$`. */
const engineClasses = new Map<string, RegExp>()

/** True when the pinned `ranges` hold `cp` (binary search). */
function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0
  let hi = (ranges.length >> 1) - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (cp < ranges[2 * mid]) hi = mid - 1
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1
    else return true
  }
  return false
}

/** The agreement table of class `name`. */
function agreementTable(name: string): Uint8Array {
  let table = agreement.get(name)
  if (!table) {
    table = new Uint8Array(0x110000)
    agreement.set(name, table)
  }
  return table
}

/** Checks (once) that the engine's `\p{name}` holds `cp` exactly when the pinned table does. */
function agrees(name: string, cp: number, table = agreementTable(name)): boolean {
  let state = table[cp]
  if (state === 0) {
    let engine = engineClasses.get(name)
    if (!engine) {
      engine = new RegExp(`^\\p{${name}}$`, 'u')
      engineClasses.set(name, engine)
    }
    state = engine.test(String.fromCodePoint(cp)) === inRanges(SPLIT_CLASSES[name], cp) ? 1 : 2
    table[cp] = state
  }
  return state === 1
}

/** The onig pattern as a SplitRegex (throws what toJsRegex throws). */
export function toSplitRegex(onigPattern: string): SplitRegex {
  const exact = toJsRegex(onigPattern)
  const names = new Set<string>()
  const fast = new RegExp(rewriteClasses(expandCaseInsensitive(onigPattern), names), 'gu')
  const classes = [...names]
  const tables = classes.map(agreementTable)
  if (classes.length === 0) return { source: exact.source, regexFor: () => exact }
  const checked = new Uint8Array(0x80)
  for (let c = 0; c < 0x80; c++) checked[c] = classes.every((n) => agrees(n, c)) ? 1 : 0
  const asciiAgrees = checked.every((x) => x === 1)
  return {
    source: exact.source,
    regexFor(text) {
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i)
        if (cp < 0x80 && asciiAgrees) continue
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
          const low = text.charCodeAt(i + 1)
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)
            i++
          }
        }
        for (let k = 0; k < classes.length; k++) if (tables[k][cp] !== 1 && !agrees(classes[k], cp, tables[k])) return exact
      }
      return fast
    },
  }
}

/** Escapes `text` for use as a literal in a regex. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
