/**
 * Pre-tokenizer patterns of tokenizer.json files (Rust `onig` syntax) as JavaScript regexes.
 * Two differences matter for the bundled tokenizers: Node 20 lacks inline `(?i:...)` groups,
 * and `\s` differs (onig's is Unicode White_Space: U+0085 yes, U+FEFF no; JavaScript's is the
 * reverse), so both are rewritten. Anything the rewrite does not understand throws.
 */

/** Unicode White_Space, as class contents. */
const WHITE_SPACE = '\\t-\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'

/** Rewrites `(?i:abc|'d)` groups of literal text into explicit case classes. */
function expandCaseInsensitive(source: string): string {
  return source.replace(/\(\?i:([^()[\]\\]*)\)/g, (_, body: string) => {
    const cased = [...body].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('')
    return `(?:${cased})`
  })
}

/** Rewrites `\s` and `\S` to Unicode White_Space, inside and outside character classes. */
function rewriteWhiteSpace(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      const e = source[i + 1]
      if (e === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`
      else if (e === 'S') {
        if (inClass) throw new Error('Unsupported pattern: \\S inside a character class')
        out += `[^${WHITE_SPACE}]`
      } else out += c + e
      i++
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

/** A global, Unicode-aware JavaScript regex matching what the onig pattern matches. */
export function toJsRegex(onigPattern: string): RegExp {
  if (/\(\?[imsx-]+[:)]/.test(expandCaseInsensitive(onigPattern))) throw new Error(`Unsupported inline flags in pattern ${onigPattern}`)
  return new RegExp(rewriteWhiteSpace(expandCaseInsensitive(onigPattern)), 'gu')
}

/** Escapes `text` for use as a literal in a regex. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
