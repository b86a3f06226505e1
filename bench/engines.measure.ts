// Encodes 10 MB of mixed text with each engine in one process and prints the time per
// tokenizer and its ratio to o200k_base (the app's target: Llama 3 and Qwen 3 within 2x).
// Run: npx vitest run -c bench/vitest.engines.config.ts   (ENGINES=llama3,qwen3 to choose)
import { it } from 'vitest'
import { loadTokenizer } from '../src/shared/tokenizer/catalog'
import { makeCorpus } from '../src/shared/testing/corpus'
import { sourceReader } from '../src/shared/testing/bundledSources'

const ids = (process.env.ENGINES ?? 'o200k_base,llama3,qwen3,deepseek-v3,mistral-nemo,gemma3,claude-legacy').split(',')

it('encode 10 MB per engine', async () => {
  const text = makeCorpus(10 * 1024 * 1024, 3)
  const rows: string[] = []
  let base = 0
  for (const id of ids) {
    let t0 = performance.now()
    const tok = await loadTokenizer(id, sourceReader)
    const load = performance.now() - t0
    tok.encodeOrdinary(text.slice(0, 100_000)) // warm-up
    t0 = performance.now()
    const n = tok.encodeOrdinary(text).length
    const ms = performance.now() - t0
    if (id === 'o200k_base') base = ms
    rows.push(`${id.padEnd(14)} load ${load.toFixed(0).padStart(6)} ms  encode ${ms.toFixed(0).padStart(6)} ms  ${String(n).padStart(9)} tokens  ${base ? (ms / base).toFixed(2) + 'x o200k' : ''}`)
  }
  console.log(`10 MB (${text.length} UTF-16 units) of makeCorpus text:\n${rows.join('\n')}`)
})
