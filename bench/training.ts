// The training row: byte-level BPE training on 1 MB of real text (bench/corpora.ts), 10,000
// merges with the app's trainer (src/shared/training), timed per merge at the start and at the
// end, and Hugging Face's Rust `tokenizers` training on the same file in the same process. Its
// Node binding's `train(files)` takes the model's default trainer: a vocabulary of 30,000
// (alphabet + merges), no minimum frequency; so ours is also run to the same number of merges.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BPE, byteLevelPreTokenizer, Tokenizer } from 'tokenizers'
import { BpeTrainer } from '../src/shared/training/bpeTrainer'
import { PreTokenCounter, type SplitPatternName } from '../src/shared/training/preTokens'
import { buildCorpus, type CorpusName } from './corpora'

/** Times one training run of `merges` merges: counting, the first and last 100 merges, the whole. */
function timeOurs(text: string, pattern: SplitPatternName, merges: number) {
  const t0 = performance.now()
  const counter = new PreTokenCounter(pattern)
  counter.add(text)
  const t1 = performance.now()
  const trainer = new BpeTrainer(counter.counts)
  const t2 = performance.now()
  trainer.learn(100)
  const t3 = performance.now()
  trainer.learn(Math.max(0, merges - 200))
  const t4 = performance.now()
  trainer.learn(100)
  const t5 = performance.now()
  return { count: t1 - t0, setup: t2 - t1, first: (t3 - t2) / 100, last: (t5 - t4) / 100, total: t5 - t0, learned: trainer.merges.length, preTokens: counter.counts.size }
}

/** The training rows as printable lines (`corpus`: which real text; 1 MB of it). */
export function trainingRows(corpus: CorpusName = 'licences', size = 1_000_000): string[] {
  const built = buildCorpus(corpus, size)
  // A first run on a little of the text warms the JIT up, so the rows time steady code.
  timeOurs(built.text.slice(0, 100_000), 'o200k', 2000)
  timeOurs(built.text.slice(0, 100_000), 'gpt2', 2000)
  const lines = [`Training (1 thread, Node): ${(size / 1e6).toFixed(0)} M chars of "${built.name}" (${built.note})`]
  for (const pattern of ['gpt2', 'o200k'] as const) {
    const r = timeOurs(built.text, pattern, 10_000)
    lines.push(
      `  ours, ${pattern} split, ${r.learned.toLocaleString('en-US')} merges: ${r.total.toFixed(0)} ms (pre-tokens ${r.count.toFixed(0)} ms, ${r.preTokens.toLocaleString('en-US')} distinct; setup ${r.setup.toFixed(0)} ms); ` +
        `per merge: first 100 ${(r.first * 1000).toFixed(0)} µs, last 100 ${(r.last * 1000).toFixed(0)} µs`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'te-train-bench-'))
  try {
    const file = join(dir, 'corpus.txt')
    writeFileSync(file, built.text)
    const rust = new Tokenizer(BPE.empty())
    rust.setPreTokenizer(byteLevelPreTokenizer(false, true))
    const t0 = performance.now()
    rust.train([file])
    const rustMs = performance.now() - t0
    const vocab = rust.getVocabSize()
    const alphabet = Object.keys(rust.getVocab()).filter((t) => t.length === 1).length
    const merges = vocab - alphabet
    const same = timeOurs(built.text, 'gpt2', merges)
    lines.push(
      `  Rust tokenizers train(), ByteLevel (GPT-2 split), its fixed vocabulary of 30,000: ${rustMs.toFixed(0)} ms for ${vocab.toLocaleString('en-US')} tokens (~${merges.toLocaleString('en-US')} merges over a ${alphabet}-character alphabet); ` +
        `ours to the same ${same.learned.toLocaleString('en-US')} merges: ${same.total.toFixed(0)} ms (${(same.total / rustMs).toFixed(2)}x)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return lines
}
