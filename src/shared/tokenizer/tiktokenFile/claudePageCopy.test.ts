// Claude's legacy tokenizer built in slices from its file (the page's copy) gives the workers'
// tokens (built at once) and the oracle's (tiktoken over claude.json, after NFKC).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { catalogEntry, loadTokenizer } from '../catalog'
import { runInSlices } from '../steps'
import type { Tokenizer } from '../tokenizer'
import { makeCorpus } from '../../testing/corpus'
import { sourceReader } from '../../testing/bundledSources'
import { oracleForTokenizer, type Oracle } from '../../testing/tokenizerOracle'

let whole: Tokenizer
let sliced: Tokenizer
let oracle: Oracle
let pauses = 0
beforeAll(async () => {
  const entry = catalogEntry('claude-legacy')!
  whole = await loadTokenizer('claude-legacy', sourceReader)
  sliced = await runInSlices(entry.pageSteps!(await sourceReader(entry.pageFile!)), () => new Promise((r) => setTimeout(() => (pauses++, r()), 0)), 1)
  oracle = oracleForTokenizer('claude-legacy')
}, 60_000)
afterAll(() => oracle?.free())

it('is built in many slices', () => {
  expect(pauses).toBeGreaterThan(10)
})

it.each(['text', 'special'] as const)('gives the tokens of the tokenizer built at once and the oracle’s ids, mode %s', async (mode) => {
  for (const base of [makeCorpus(10_000, 5), 'ﬁne ㎏ Ｈｅｌｌｏ café\n\n  x', "I'M 12345 日本語 👩🏽‍💻"]) {
    const text = mode === 'special' ? `<EOT>${base}<META>` : base
    const a = sliced.tokenize(text, mode)
    const b = whole.tokenize(text, mode)
    expect(a.ids).toEqual(b.ids)
    expect(a.starts).toEqual(b.starts)
    expect(a.flags).toEqual(b.flags)
    expect([...a.ids]).toEqual(await oracle.encode(text, mode))
  }
})
