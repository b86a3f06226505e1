// Timing, not a check: 10,000 single-chunk splices on the index of a 10 MB document.
// Skipped unless BENCH_TOKEN_INDEX=1 (it only prints): BENCH_TOKEN_INDEX=1 npx vitest run src/shared/document/tokenIndex.bench.test.ts
import { describe, it } from 'vitest'
import { TokenIndex, type TokenSplice } from './tokenIndex'
import type { ChunkTokens } from './tokenize'

/** What the benchmark needs of an index (the value-returning API, or an adapter for a mutable one). */
export interface BenchIndex {
  applySplice(s: TokenSplice): BenchIndex
  readonly count: number
  start(i: number): number
  chunk(k: number): { start: number; end: number }
}

const CHUNK = 4096
const DOC_CHARS = 10 * 1024 * 1024

/** Synthetic tokens for a chunk of `chars` characters: one token per 4 characters. */
function tokensFor(chars: number): ChunkTokens {
  const n = Math.ceil(chars / 4)
  const starts = new Uint32Array(n + 1)
  for (let i = 0; i <= n; i++) starts[i] = Math.min(chars, i * 4)
  return { ids: new Uint32Array(n).fill(7), starts, flags: new Uint8Array(n), counts: { characters: chars, words: n, bytes: chars, newlines: 0 } }
}

/** Milliseconds for `splices` random one-chunk splices (each grows a chunk by one character), reading after each when `read`. */
export function benchSplices(empty: BenchIndex, splices: number, read: boolean): number {
  const n = DOC_CHARS / CHUNK
  let index = empty.applySplice({ from: 0, remove: 0, shift: 0, insert: Array.from({ length: n }, (_, k) => ({ start: k * CHUNK, end: (k + 1) * CHUNK, tokens: tokensFor(CHUNK) })) })
  // Tokens for grown chunks made before the clock starts (a chunk grows by one character per hit).
  const grown = new Map<number, ChunkTokens>()
  for (let len = CHUNK + 1; len <= CHUNK + 64; len++) grown.set(len, tokensFor(len))
  let seed = 12345
  const t0 = performance.now()
  for (let s = 0; s < splices; s++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    const k = seed % n
    const old = index.chunk(k)
    const len = old.end - old.start + 1
    let tokens = grown.get(len)
    if (!tokens) grown.set(len, (tokens = tokensFor(len)))
    index = index.applySplice({ from: k, remove: 1, shift: 1, insert: [{ start: old.start, end: old.start + len, tokens }] })
    if (read) index.start(Math.min(index.count - 1, k * 1024))
  }
  return performance.now() - t0
}

describe.skipIf(!process.env.BENCH_TOKEN_INDEX)('TokenIndex splice timing (prints)', () => {
  it('10,000 single-chunk splices on a 10 MB document', () => {
    for (const read of [false, true]) {
      const ms = benchSplices(new TokenIndex(), 10_000, read)
      console.log(`TokenIndex: 10,000 splices${read ? ' + a read after each' : ''}: ${ms.toFixed(0)} ms`)
    }
  })
})
