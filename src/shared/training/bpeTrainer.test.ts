import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeCorpus } from '../testing/corpus'
import { BpeTrainer, type LearnedMerge } from './bpeTrainer'
import { PreTokenCounter, type SplitPatternName } from './preTokens'

/**
 * The oracle: BPE as the textbook does it, with nothing kept between steps. Each step counts
 * every adjacent pair in every pre-token afresh, takes the most frequent (ties: smallest left
 * id, then smallest right id), and rewrites every pre-token left to right.
 */
function naiveTrain(preTokens: ReadonlyMap<string, number>, steps: number): LearnedMerge[] {
  const words = [...preTokens].map(([bytes, count]) => ({ ids: Array.from(bytes, (c) => c.charCodeAt(0)), count }))
  const bytesOf: string[] = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b))
  const out: LearnedMerge[] = []
  for (let step = 0; step < steps; step++) {
    const counts = new Map<string, { a: number; b: number; n: number }>()
    for (const w of words) {
      for (let i = 0; i + 1 < w.ids.length; i++) {
        const k = `${w.ids[i]},${w.ids[i + 1]}`
        const e = counts.get(k) ?? { a: w.ids[i], b: w.ids[i + 1], n: 0 }
        e.n += w.count
        counts.set(k, e)
      }
    }
    let best: { a: number; b: number; n: number } | undefined
    for (const e of counts.values()) {
      if (!best || e.n > best.n || (e.n === best.n && (e.a < best.a || (e.a === best.a && e.b < best.b)))) best = e
    }
    if (!best) break
    const bytes = bytesOf[best.a] + bytesOf[best.b]
    let id = bytesOf.indexOf(bytes)
    if (id < 0) id = bytesOf.push(bytes) - 1
    for (const w of words) {
      const merged: number[] = []
      for (let i = 0; i < w.ids.length; i++) {
        if (i + 1 < w.ids.length && w.ids[i] === best.a && w.ids[i + 1] === best.b) {
          merged.push(id)
          i++
        } else merged.push(w.ids[i])
      }
      w.ids = merged
    }
    out.push({ left: best.a, right: best.b, id, count: best.n })
  }
  return out
}

function preTokens(texts: string[], pattern: SplitPatternName): ReadonlyMap<string, number> {
  const c = new PreTokenCounter(pattern)
  for (const t of texts) c.add(t)
  return c.counts
}

/** Trains in uneven batches, as the worker does. */
function train(pt: ReadonlyMap<string, number>, merges: number): LearnedMerge[] {
  const t = new BpeTrainer(pt)
  const out: LearnedMerge[] = []
  for (let batch = 1; out.length < merges && !t.done; batch = (batch % 7) + 1) out.push(...t.learn(Math.min(batch, merges - out.length)))
  return out
}

describe('BpeTrainer', () => {
  it('learns the textbook example', () => {
    // "aaabdaaabac": (a, a) 4 times; then (a, b) and (aa, a) tie at 2 and a (97) < aa (256);
    // then (aa, ab) twice.
    const merges = train(new Map([['aaabdaaabac', 1]]), 3)
    expect(merges.map((m) => [m.left, m.right, m.id, m.count])).toEqual([
      [97, 97, 256, 4],
      [97, 98, 257, 2],
      [256, 257, 258, 2],
    ])
  })

  it('merges left to right inside a run ("aaaa" with (a, a) is [aa, aa], "aaa" is [aa, a])', () => {
    const t = new BpeTrainer(new Map([['aaaa', 1], ['aaa', 10]]))
    const [first, second] = t.learn(2)
    expect(first).toEqual({ left: 97, right: 97, id: 256, count: 3 + 20 })
    // After it: [aa, aa] once and [aa, a] ten times.
    expect(second).toEqual({ left: 256, right: 97, id: 257, count: 10 })
  })

  it('breaks ties by the smallest left id, then the smallest right id', () => {
    const merges = train(new Map([['zy', 2], ['ba', 2], ['bc', 2]]), 3)
    expect(merges.map((m) => [String.fromCharCode(m.left), String.fromCharCode(m.right)])).toEqual([
      ['b', 'a'],
      ['b', 'c'],
      ['z', 'y'],
    ])
  })

  it('reuses the id of a token whose bytes it already has, and stops when no pair is left', () => {
    // ab, then (ab, c) = abc; "a" + "bc" in the other word after bc... makes the same bytes.
    const t = new BpeTrainer(new Map([['abc', 5], ['xbc', 4], ['abx', 3]]))
    const merges = t.learn(100)
    expect(t.done).toBe(true)
    expect(merges).toEqual(naiveTrain(new Map([['abc', 5], ['xbc', 4], ['abx', 3]]), 100))
    expect(t.vocabSize).toBe(256 + new Set(merges.map((m) => m.id)).size)
  })

  it('matches a recount at every step on a mixed corpus, for each split', () => {
    const text = makeCorpus(6000, 7)
    for (const pattern of ['gpt2', 'cl100k', 'o200k', 'none'] as const) {
      const pt = preTokens([text, 'second file\nwith   spaces  \n\n'], pattern)
      expect(train(pt, 120), pattern).toEqual(naiveTrain(pt, 120))
    }
  })

  it('matches a recount on random small corpora (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', ' ', 'ba', 'aaa', 'é', '🦙', '\n', 'x')
    const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''))
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.constantFrom<SplitPatternName>('gpt2', 'cl100k', 'o200k', 'none'), fc.integer({ min: 1, max: 40 }), (texts, pattern, n) => {
        const pt = preTokens(texts, pattern)
        expect(train(pt, n)).toEqual(naiveTrain(pt, n))
      }),
      { numRuns: 300 },
    )
  })

  it('gives each merge the bytes of its two parts', () => {
    const t = new BpeTrainer(preTokens([makeCorpus(3000, 3)], 'o200k'))
    for (const m of t.learn(200)) {
      expect(Array.from(t.tokenBytes(m.id))).toEqual([...t.tokenBytes(m.left), ...t.tokenBytes(m.right)])
    }
  })
})

describe('PreTokenCounter', () => {
  it('counts pieces by their UTF-8 bytes, a lone surrogate as U+FFFD', () => {
    const c = new PreTokenCounter('gpt2')
    c.add('the cat the\ud800')
    expect([...c.counts]).toEqual([
      ['the', 1],
      [' cat', 1],
      [' the', 1],
      ['\xef\xbf\xbd', 1],
    ])
    const none = new PreTokenCounter('none')
    none.add('a b')
    none.add('')
    none.add('a b')
    expect([...none.counts]).toEqual([['a b', 2]])
  })
})
