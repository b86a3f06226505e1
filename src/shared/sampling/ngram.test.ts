import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mostFrequent, NgramModel } from './ngram'

/** The oracle: scan every position and compare its context token by token. */
function bruteForce(ids: number[], context: number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (let p = context.length; p < ids.length; p++) {
    let match = true
    for (let j = 0; j < context.length; j++) if (ids[p - context.length + j] !== context[j]) match = false
    if (match) counts.set(ids[p], (counts.get(ids[p]) ?? 0) + 1)
  }
  return counts
}
const asMap = (next: { id: number; count: number }[]) => new Map(next.map(({ id, count }) => [id, count]))

describe('NgramModel', () => {
  it('counts what follows a context in a small text', () => {
    // "the cat sat on the mat the cat ran"
    const ids = Uint32Array.from([1, 2, 3, 4, 1, 5, 1, 2, 6])
    const m = new NgramModel(ids, 2)
    expect(m.continuations([1])).toEqual({ contextLength: 1, total: 3, next: [{ id: 2, count: 2 }, { id: 5, count: 1 }] })
    expect(m.continuations([1, 2])).toEqual({ contextLength: 2, total: 2, next: [{ id: 3, count: 1 }, { id: 6, count: 1 }] })
    // "on the" → mat, once.
    expect(m.continuations([4, 1]).next).toEqual([{ id: 5, count: 1 }])
  })
  it('backs off to a shorter context the text has, down to token frequencies', () => {
    const ids = Uint32Array.from([1, 2, 3, 4, 1, 5, 1, 2, 6])
    const m = new NgramModel(ids, 3)
    // "ran the" never occurs; "the" does.
    expect(m.continuations([6, 1]).contextLength).toBe(1)
    // "ran" ends the text: nothing follows it; no context at all then.
    const none = m.continuations([6])
    expect(none.contextLength).toBe(0)
    expect(none.total).toBe(9)
    expect(none.next[0]).toEqual({ id: 1, count: 3 })
    expect(m.continuations([]).contextLength).toBe(0)
    // Asking for less context than the model holds.
    expect(m.continuations([1, 2], 1).contextLength).toBe(1)
  })
  it('mostFrequent keeps the first entries and says what it left out', () => {
    const c = { contextLength: 1, total: 10, next: [{ id: 1, count: 6 }, { id: 2, count: 3 }, { id: 3, count: 1 }] }
    expect(mostFrequent(c, 5)).toBe(c)
    expect(mostFrequent(c, 1)).toEqual({ contextLength: 1, total: 10, next: [{ id: 1, count: 6 }], omitted: { tokens: 2, count: 4 } })
  })
  it('an empty text has nothing to say', () => {
    const m = new NgramModel(new Uint32Array(0), 3)
    expect(m.continuations([1, 2])).toEqual({ contextLength: 0, total: 0, next: [] })
  })
  it('reports progress once per sorting pass', () => {
    const seen: string[] = []
    new NgramModel(Uint32Array.from([1, 2, 3]), 3, (d, t) => seen.push(`${d}/${t}`))
    expect(seen).toEqual(['1/3', '2/3', '3/3'])
  })
  it('property: counts equal a brute-force count, for every context length, with backoff only where the context has no continuation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 120 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
        (list, maxContext, context) => {
          const m = new NgramModel(Uint32Array.from(list), maxContext)
          const r = m.continuations(context)
          const used = context.slice(context.length - r.contextLength)
          if (r.contextLength > 0) expect(asMap(r.next)).toEqual(bruteForce(list, used))
          else expect(asMap(r.next)).toEqual(bruteForce(list, []))
          expect(r.total).toBe(r.next.reduce((a, b) => a + b.count, 0))
          // No longer usable context was skipped.
          const longest = Math.min(maxContext, context.length)
          for (let k = longest; k > r.contextLength; k--) expect(bruteForce(list, context.slice(context.length - k)).size).toBe(0)
          // Sorted by count, then id.
          for (let i = 1; i < r.next.length; i++) expect(r.next[i - 1].count > r.next[i].count || (r.next[i - 1].count === r.next[i].count && r.next[i - 1].id < r.next[i].id)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
  it('builds an index over a 2.5 M token text in well under a few seconds', () => {
    const n = 2_500_000
    const ids = new Uint32Array(n)
    let x = 12345
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0
      ids[i] = (x >>> 8) % 50_000
    }
    const t0 = performance.now()
    const m = new NgramModel(ids, 4)
    const built = performance.now() - t0
    const r = m.continuations([ids[999], ids[1000]])
    expect(asMap(r.next)).toEqual(bruteForce(Array.from(ids), [ids[999], ids[1000]]))
    expect(built).toBeLessThan(10_000)
    console.log(`n-gram index of ${n} tokens (context 4): ${built.toFixed(0)} ms`)
  })
})
