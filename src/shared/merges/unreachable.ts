import type { Tokenizer } from '../tokenizer/tokenizer'
import type { Steps } from '../tokenizer/steps'
import { byteLabel, isWholeUtf8 } from './byteLabel'

/** A token whose own text does not encode to it. */
export interface UnreachableToken {
  id: number
  /** The token's bytes (byteLabel: visible whitespace). */
  label: string
  /** What its text encodes to instead. */
  encodesAs: number[]
}

/** The unreachable tokens of one tokenizer. */
export interface UnreachableResult {
  tokenizer: string
  /** Ordinary tokens whose bytes are whole UTF-8 text, each encoded on its own. */
  checked: number
  /** Ordinary tokens whose bytes are part of a character (they have no text of their own to encode; not checked). */
  partial: number
  /** The tokens whose text encodes to something other than that one token, by id. */
  unreachable: UnreachableToken[]
}

/** Tokens checked between two yields of unreachableSteps. */
export const UNREACHABLE_SLICE = 512

/**
 * Finds the tokens a tokenizer never produces from their own text: for every ordinary token
 * whose bytes are whole UTF-8 text, encodes that text as ordinary text (encodeOrdinary) and
 * keeps the token when the result is not that single token. These are the likeliest
 * under-trained ("glitch") tokens: text almost never reaches them. A Steps generator: it
 * yields every UNREACHABLE_SLICE tokens, after calling `onProgress(done, total)`, so a worker
 * can report progress and drop the job when the tokenizer changes.
 */
export function* unreachableSteps(tokenizer: Tokenizer, onProgress?: (done: number, total: number) => void): Steps<UnreachableResult> {
  const total = tokenizer.ordinaryCount
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const unreachable: UnreachableToken[] = []
  let checked = 0
  let partial = 0
  for (let id = 0; id < total; id++) {
    if (id % UNREACHABLE_SLICE === UNREACHABLE_SLICE - 1) {
      onProgress?.(id + 1, total)
      yield
    }
    if (tokenizer.isSpecial(id)) continue
    let bytes: Uint8Array
    try {
      bytes = tokenizer.tokenBytes(id)
    } catch {
      continue // a hole in the table (cl100k's 100256)
    }
    if (bytes.length === 0) continue
    if (!isWholeUtf8(bytes)) {
      partial++
      continue
    }
    checked++
    const ids = tokenizer.encodeOrdinary(decoder.decode(bytes))
    if (ids.length !== 1 || ids[0] !== id) unreachable.push({ id, label: byteLabel(bytes), encodesAs: ids })
  }
  onProgress?.(total, total)
  return { tokenizer: tokenizer.id, checked, partial, unreachable }
}
