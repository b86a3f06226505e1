/** Most sentences the Sentences field embeds (the matrix is n x n; the map labels each point). */
export const MAX_SENTENCES = 50
/** Most lines or paragraphs of the editor's text the Query searches (in batches, with progress and Cancel). */
export const MAX_PASSAGES = 200
/**
 * Characters of one sentence or passage given to the model; the rest is cut off (and said).
 * The encoder's tokenizer is quadratic in a piece's length, and a sentence encoder is made for
 * sentences and short paragraphs.
 */
export const MAX_CHARS = 2000

/** Sentences read from a field, with what was left out and why. */
export interface SentenceInput {
  /** The texts to embed, trimmed, in order. */
  texts: string[]
  /** For each text, its 1-based line (or the first line of its paragraph) in the input. */
  lines: number[]
  /** Plain-language notes about what was skipped, cut or refused (empty when nothing was). */
  notes: string[]
  /** Blank lines skipped. */
  skippedBlank: number
  /** Items past the limit, left out. */
  overLimit: number
  /** Items cut to MAX_CHARS. */
  truncated: number
}

/** How the editor's text is split: each non-blank line, or each paragraph (lines up to a blank line). */
export type SplitMode = 'lines' | 'paragraphs'

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/**
 * Splits `text` into the sentences or passages to embed: one per line (or per paragraph),
 * trimmed; blank ones are skipped, each is cut to MAX_CHARS, and at most `limit` are kept.
 * Every skip, cut and refusal is described in `notes`.
 */
export function splitInput(text: string, mode: SplitMode = 'lines', limit = MAX_SENTENCES): SentenceInput {
  const rawLines = text.split(/\r\n|\r|\n/)
  const items: { text: string; line: number }[] = []
  let skippedBlank = 0
  if (mode === 'lines') {
    rawLines.forEach((l, i) => {
      const t = l.trim()
      if (t === '') skippedBlank++
      else items.push({ text: t, line: i + 1 })
    })
    // A final newline is not a blank line the user typed.
    if (rawLines.length > 1 && rawLines[rawLines.length - 1].trim() === '') skippedBlank--
    if (text === '') skippedBlank = 0
  } else {
    let current: string[] = []
    let start = 0
    const flush = () => {
      if (current.length) items.push({ text: current.join(' '), line: start + 1 })
      current = []
    }
    rawLines.forEach((l, i) => {
      const t = l.trim()
      if (t === '') return flush()
      if (!current.length) start = i
      current.push(t)
    })
    flush()
  }
  const overLimit = Math.max(0, items.length - limit)
  const kept = items.slice(0, limit)
  let truncated = 0
  const texts = kept.map((it) => {
    if (it.text.length <= MAX_CHARS) return it.text
    truncated++
    // Never cut a surrogate pair in half.
    const end = /[\uD800-\uDBFF]/.test(it.text[MAX_CHARS - 1]) ? MAX_CHARS - 1 : MAX_CHARS
    return it.text.slice(0, end)
  })
  const unit = mode === 'lines' ? 'line' : 'paragraph'
  const notes: string[] = []
  if (skippedBlank > 0 && mode === 'lines') notes.push(`${plural(skippedBlank, 'empty line')} skipped.`)
  if (overLimit > 0) notes.push(`Only the first ${plural(limit, unit)} of ${plural(items.length, unit)} are used; ${overLimit.toLocaleString('en-US')} left out.`)
  if (truncated > 0) notes.push(`${plural(truncated, unit)} longer than ${MAX_CHARS.toLocaleString('en-US')} characters cut to that length.`)
  return { texts, lines: kept.map((it) => it.line), notes, skippedBlank: Math.max(0, skippedBlank), overLimit, truncated }
}

/** Splits a list into consecutive batches of at most `size` (the last may be shorter). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError('Batch size must be at least 1.')
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
