import { NORMALIZATION_KNOWN } from './hf/unicodeTables.gen'

/**
 * A normalizer step the fast engines support. A Unicode form with `pinned` normalizes as
 * Hugging Face's Rust `tokenizers` does, with Unicode 9.0 data: characters assigned later are
 * left alone and block (they have no decomposition and combining class 0 there); without it,
 * the JavaScript engine's own data (Anthropic's countTokens calls String.prototype.normalize).
 */
export type NormalizerStep = { kind: 'unicode'; form: 'NFC' | 'NFKC'; pinned?: boolean } | { kind: 'replace'; from: string; to: string }

let unknownPattern: RegExp | undefined

/** Code points not assigned in the pinned normalization data (lone surrogates are replaced before). */
function unknownToReference(): RegExp {
  if (unknownPattern) return unknownPattern
  let body = ''
  let next = 0
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`
  for (let i = 0; i < NORMALIZATION_KNOWN.length; i += 2) {
    if (NORMALIZATION_KNOWN[i] > next) body += `${hex(next)}-${hex(NORMALIZATION_KNOWN[i] - 1)}`
    next = NORMALIZATION_KNOWN[i + 1] + 1
  }
  if (next <= 0x10ffff) body += `${hex(next)}-${hex(0x10ffff)}`
  unknownPattern = new RegExp(`[${body}]`, 'gu')
  return unknownPattern
}

/**
 * `text` in Unicode form `form` as the pinned data has it: the parts between characters it
 * does not know are normalized by the engine (normalization is stable: a later Unicode gives
 * the same result for characters that an earlier one assigned), the others kept as they are.
 */
export function normalizePinned(text: string, form: 'NFC' | 'NFKC'): string {
  const whole = text.normalize(form)
  if (whole === text) return text
  const unknown = unknownToReference()
  unknown.lastIndex = 0
  let out = ''
  let last = 0
  for (let m = unknown.exec(text); m !== null; m = unknown.exec(text)) {
    out += text.slice(last, m.index).normalize(form) + m[0]
    last = m.index + m[0].length
  }
  return last === 0 ? whole : out + text.slice(last).normalize(form)
}

/** A normalized text and the way back to the original's UTF-16 offsets. */
export interface NormalizedText {
  text: string
  /** Original offset of normalized offset `i` (monotone, so spans mapped through it still tile). */
  toOriginal(i: number): number
}

/** A stretch whose normalized form differs from the original. */
interface ChangedRun {
  normStart: number
  normEnd: number
  origStart: number
  origEnd: number
  /** Length of the prefix and of the suffix that the normalizer left alone (they map exactly). */
  same: number
  sameEnd: number
}

const identity = (text: string): NormalizedText => ({ text, toOriginal: (i) => i })

/** True for UTF-16 unit `c` in ASCII. */
const isAscii = (c: number) => c < 0x80

/**
 * Unicode normalization with offsets. The text is cut before each ASCII character that is
 * followed by ASCII (or ends the text): ASCII is stable under NFC/NFKC and never composes
 * with what precedes it, and the character before a non-ASCII stretch goes with the stretch
 * (it may take a combining mark). Stretches that change map as wholes (or character by
 * character, where each normalizes on its own): a token starting inside one starts where the
 * stretch's unchanged suffix begins in the original, as the last bytes of a character split
 * over several tokens sit at its end (its unchanged prefix and suffix map exactly).
 */
function normalizeUnicode(text: string, form: 'NFC' | 'NFKC', pinned: boolean): NormalizedText {
  const normalize = pinned ? (s: string) => normalizePinned(s, form) : (s: string) => s.normalize(form)
  const whole = normalize(text)
  if (whole === text) return identity(text)
  const runs: ChangedRun[] = []
  let out = ''
  let i = 0
  while (i < text.length) {
    // An ASCII character followed by ASCII or the end: stable on its own.
    if (isAscii(text.charCodeAt(i)) && (i + 1 >= text.length || isAscii(text.charCodeAt(i + 1)))) {
      out += text[i++]
      continue
    }
    let j = i + 1
    while (j < text.length && !(isAscii(text.charCodeAt(j)) && (j + 1 >= text.length || isAscii(text.charCodeAt(j + 1))))) j++
    const stretch = text.slice(i, j)
    const normalized = normalize(stretch)
    if (normalized !== stretch && addPerCharacter(stretch, normalized, i, out.length, normalize, runs)) {
      out += normalized
      i = j
      continue
    }
    if (normalized !== stretch) {
      let same = 0
      while (same < normalized.length && normalized[same] === stretch[same]) same++
      let sameEnd = 0
      const limit = Math.min(normalized.length, stretch.length) - same
      while (sameEnd < limit && normalized[normalized.length - 1 - sameEnd] === stretch[stretch.length - 1 - sameEnd]) sameEnd++
      runs.push({ normStart: out.length, normEnd: out.length + normalized.length, origStart: i, origEnd: j, same, sameEnd })
    }
    out += normalized
    i = j
  }
  return {
    text: out,
    toOriginal(p) {
      let lo = 0
      let hi = runs.length - 1
      let found = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (runs[mid].normStart <= p) {
          found = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      if (found < 0) return p
      const run = runs[found]
      if (p >= run.normEnd) return run.origEnd + (p - run.normEnd)
      if (p - run.normStart <= run.same) return run.origStart + (p - run.normStart)
      if (run.normEnd - p <= run.sameEnd) return run.origEnd - (run.normEnd - p)
      return run.origEnd - run.sameEnd
    },
  }
}

/**
 * When each character of a changed stretch normalizes on its own to its share of the whole
 * (full-width letters, ligatures, compatibility characters side by side), adds one run per
 * changed character, so that tokens keep to the characters they came from; else false.
 */
function addPerCharacter(stretch: string, normalized: string, origStart: number, normStart: number, normalize: (s: string) => string, runs: ChangedRun[]): boolean {
  const parts: [string, string][] = []
  let joined = ''
  for (const ch of stretch) {
    const n = normalize(ch)
    parts.push([ch, n])
    joined += n
    if (joined.length > normalized.length) return false
  }
  if (joined !== normalized) return false
  let o = origStart
  let p = normStart
  for (const [ch, n] of parts) {
    if (n !== ch) runs.push({ normStart: p, normEnd: p + n.length, origStart: o, origEnd: o + ch.length, same: 0, sameEnd: 0 })
    o += ch.length
    p += n.length
  }
  return true
}

/** Applies the steps in order (at most one step may change lengths: checked at load). */
export function normalizeWithOffsets(text: string, steps: readonly NormalizerStep[]): NormalizedText {
  let result = identity(text)
  for (const step of steps) {
    if (step.kind === 'replace') {
      // Same-length replacement (a space for '▁'): offsets unchanged.
      const before = result
      result = { text: before.text.split(step.from).join(step.to), toOriginal: before.toOriginal }
    } else {
      const before = result
      const next = normalizeUnicode(before.text, step.form, step.pinned === true)
      result = { text: next.text, toOriginal: (i) => before.toOriginal(next.toOriginal(i)) }
    }
  }
  return result
}
