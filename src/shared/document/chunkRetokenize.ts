import { lastIndexAtMost } from '../text/binarySearch'
import { countText } from '../text/counts'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { Tokenizer } from '../tokenizer/tokenizer'
import type { ChunkTokens } from './tokenize'

/**
 * How far the OpenAI-style rules look on each side of a cut (chunking.ts: the two characters
 * before it and up to two past it), plus one for a surrogate pair read whole. A rule guarded
 * against cuts inside added tokens says how far it reads (ChunkCutRule.reach), on both sides.
 */
const RULE_REACH = 3

/**
 * The tokens of a chunk after an edit inside it, re-encoding only the lines around the edit:
 * the text between the last safe cut before the edit and the first one after it. A safe cut
 * is a place where encoding the two sides apart gives the tokens of the whole (the chunking
 * rule, property-tested per tokenizer), so the chunk's old tokens on either side stay as
 * they are; the result equals `tokenize(newText)` (tested against it). Without a cut rule,
 * or with no safe cut on a side, that side is re-encoded too.
 *
 * @param old the chunk's tokens before the edit (offsets relative to the chunk)
 * @param oldText the chunk's text before the edit
 * @param newText the chunk's text after it: oldText with [from, to) replaced by `insertLength` characters
 */
export function retokenizeEditedChunk(
  old: ChunkTokens,
  oldText: string,
  newText: string,
  from: number,
  to: number,
  insertLength: number,
  tokenizer: Tokenizer,
  mode: SpecialMode,
): ChunkTokens {
  const shift = insertLength - (to - from)
  const rule = tokenizer.chunkCuts
  // [a, b) of the new text is re-encoded; old tokens before a and from b - shift on are kept.
  let a = 0
  let b = newText.length
  if (rule) {
    const reach = Math.max(RULE_REACH, (rule.reach ?? 0) + 1)
    const wordCut = rule.isSafeWordCut
    // The chunker's two kinds of cut: after a newline (isSafeCut), inside a line (isSafeWordCut).
    const isCut = (text: string, i: number) => (text.charCodeAt(i - 1) === 10 && rule.isSafeCut(text, i)) || (wordCut !== undefined && wordCut(text, i))
    // Both sides of a cut must lie outside the edit for the rule's answer to hold in both texts.
    for (let i = from - reach; i > 0; i--) {
      if (isCut(oldText, i)) {
        a = i
        break
      }
    }
    for (let i = from + insertLength + reach; i + reach <= newText.length; i++) {
      if (isCut(newText, i)) {
        b = i
        break
      }
    }
  }
  if (a === 0 && b === newText.length) return fresh(newText, tokenizer, mode)
  const keepHead = splitAt(old.starts, old.ids.length, a)
  const keepTail = splitAt(old.starts, old.ids.length, b - shift)
  // A safe cut is a token boundary in the old tokens; if not (a rule out of step with the
  // tokenizer), encode the whole chunk rather than splice at a wrong place.
  const boundary = (k: number, pos: number) => k === old.ids.length || old.starts[k] === pos
  if (!boundary(keepHead, a) || !boundary(keepTail, b - shift)) return fresh(newText, tokenizer, mode)
  const middle = tokenizer.tokenize(newText.slice(a, b), mode)
  const middleCount = middle.ids.length
  const tail = old.ids.length - keepTail
  const n = keepHead + middleCount + tail
  const ids = new Uint32Array(n)
  const starts = new Uint32Array(n + 1)
  const flags = new Uint8Array(n)
  ids.set(old.ids.subarray(0, keepHead))
  starts.set(old.starts.subarray(0, keepHead))
  flags.set(old.flags.subarray(0, keepHead))
  ids.set(middle.ids, keepHead)
  flags.set(middle.flags, keepHead)
  for (let i = 0; i < middleCount; i++) starts[keepHead + i] = middle.starts[i] + a
  ids.set(old.ids.subarray(keepTail), keepHead + middleCount)
  flags.set(old.flags.subarray(keepTail), keepHead + middleCount)
  for (let i = 0; i < tail; i++) starts[keepHead + middleCount + i] = old.starts[keepTail + i] + shift
  starts[n] = newText.length
  return { ids, starts, flags, counts: countText(newText) }
}

/** The chunk's tokens encoded whole. */
function fresh(text: string, tokenizer: Tokenizer, mode: SpecialMode): ChunkTokens {
  const { ids, starts, flags } = tokenizer.tokenize(text, mode)
  return { ids, starts, flags, counts: countText(text) }
}

/**
 * Index of the first of `count` tokens that lies at or after `pos`. A zero-width token at
 * `pos` (the last bytes of a character split over several tokens sit at its end) belongs
 * to the text before it.
 */
function splitAt(starts: Uint32Array, count: number, pos: number): number {
  let k = lastIndexAtMost(count, (i) => starts[i], pos - 1) + 1
  while (k < count && starts[k] === pos && starts[k + 1] === pos) k++
  return k
}
