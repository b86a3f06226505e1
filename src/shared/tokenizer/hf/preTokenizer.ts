import { escapeRegex, toSplitRegex, type SplitRegex } from './splitRegex'

/** Calls back with each piece [start, end) of a text, in order. */
export type PieceSplitter = (text: string, onPiece: (start: number, end: number) => void) => void

/** GPT-2's pattern, used by a ByteLevel pre-tokenizer with use_regex. */
export const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+"

/** What a tokenizer.json pre-tokenizer becomes in the fast engine. */
export interface PreTokenizerPlan {
  /** Splits a normalized segment into the pieces the model encodes one by one. */
  split: PieceSplitter
  /** True when the ByteLevel step maps bytes to GPT-2's alphabet. */
  byteLevel: boolean
  /** The patterns applied in order, as JS sources (for chunk-rule derivation and tests). */
  patterns: string[]
}

type Json = Record<string, unknown>

/** A split on literal text (already escaped). */
function literalSplit(source: string): SplitRegex {
  const re = new RegExp(source, 'gu')
  return { source, regexFor: () => re }
}

/** Splits text[start, end) by `re`: each match and each gap between matches is a piece. */
function isolated(split: SplitRegex): (text: string, start: number, end: number, onPiece: (s: number, e: number) => void) => void {
  return (text, start, end, onPiece) => {
    const sub = start === 0 && end === text.length ? text : text.slice(start, end)
    const re = split.regexFor(sub)
    let last = 0
    re.lastIndex = 0
    for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      if (m.index > last) onPiece(start + last, start + m.index)
      onPiece(start + m.index, start + m.index + m[0].length)
      last = m.index + m[0].length
    }
    if (last < sub.length) onPiece(start + last, end)
  }
}

/** Splits text[start, end) after each match (the match ends the piece before it). */
function mergedWithPrevious(split: SplitRegex): (text: string, start: number, end: number, onPiece: (s: number, e: number) => void) => void {
  return (text, start, end, onPiece) => {
    const sub = text.slice(start, end)
    const re = split.regexFor(sub)
    let last = 0
    re.lastIndex = 0
    for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      const stop = m.index + m[0].length
      onPiece(start + last, start + stop)
      last = stop
    }
    if (last < sub.length) onPiece(start + last, end)
  }
}

/**
 * The fast engine's version of a tokenizer.json pre-tokenizer: Sequence, Split (Regex or
 * String; Isolated or MergedWithPrevious; not inverted) and ByteLevel (without a prefix
 * space). Throws for anything else, so the caller can use the general engine.
 */
export function planPreTokenizer(config: Json | null): PreTokenizerPlan {
  const steps: ((text: string, start: number, end: number, onPiece: (s: number, e: number) => void) => void)[] = []
  const patterns: string[] = []
  let byteLevel = false
  const add = (step: Json) => {
    const type = step.type
    if (type === 'Sequence') for (const inner of step.pretokenizers as Json[]) add(inner)
    else if (type === 'Split') {
      if (step.invert) throw new Error('Unsupported pre-tokenizer: inverted Split')
      const pattern = step.pattern as { Regex?: string; String?: string }
      const source = pattern.Regex !== undefined ? pattern.Regex : escapeRegex(pattern.String ?? '')
      const re: SplitRegex = pattern.Regex !== undefined ? toSplitRegex(source) : literalSplit(source)
      patterns.push(re.source)
      if (step.behavior === 'Isolated') steps.push(isolated(re))
      else if (step.behavior === 'MergedWithPrevious') steps.push(mergedWithPrevious(re))
      else throw new Error(`Unsupported Split behavior ${String(step.behavior)}`)
    } else if (type === 'ByteLevel') {
      if (step.add_prefix_space) throw new Error('Unsupported pre-tokenizer: ByteLevel with add_prefix_space')
      byteLevel = true
      if (step.use_regex !== false) {
        const re = toSplitRegex(GPT2_PATTERN)
        patterns.push(re.source)
        steps.push(isolated(re))
      }
    } else throw new Error(`Unsupported pre-tokenizer ${String(type)}`)
  }
  if (config) add(config)
  const run = (level: number, text: string, start: number, end: number, onPiece: (s: number, e: number) => void): void => {
    if (level === steps.length) onPiece(start, end)
    else steps[level](text, start, end, (s, e) => run(level + 1, text, s, e, onPiece))
  }
  return { split: (text, onPiece) => run(0, text, 0, text.length, onPiece), byteLevel, patterns }
}
