import { nextChunkEnd } from './chunking'
import type { EncodingName } from './encodings'
import type { LoadedEncoding } from './encodingLoader'
import type { ModelInfo } from './models'
import type { SpecialMode } from './specialTokens'
import { CHUNK_CHARS, encodeIds } from './tokenize'

/** Counts the tokens of `text` in one encoding (chunk by chunk, as the editor does, without spans). */
export function countTokens(text: string, encoding: LoadedEncoding, mode: SpecialMode): number {
  let count = 0
  for (let pos = 0; pos < text.length; ) {
    const end = nextChunkEnd(text, pos, CHUNK_CHARS)
    count += encodeIds(text.slice(pos, end), encoding, mode).length
    pos = end
  }
  return count
}

/** Which of an encoding's models the count fits: how many, and the smallest window that fits. */
export function modelFit(count: number, encoding: EncodingName, models: readonly ModelInfo[]): { fits: number; of: number; smallest: ModelInfo | null } {
  const own = models.filter((m) => m.encoding === encoding)
  const fitting = own.filter((m) => m.contextWindow >= count).sort((a, b) => a.contextWindow - b.contextWindow || a.name.localeCompare(b.name))
  return { fits: fitting.length, of: own.length, smallest: fitting[0] ?? null }
}
