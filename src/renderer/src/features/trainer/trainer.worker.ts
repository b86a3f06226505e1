/// <reference lib="webworker" />
// The trainer: counts pre-tokens, then learns merges in batches of about 100 ms, posting each
// batch as it is learned; the tokenizer.json at the end. Cancel terminates this worker.
import { decodeFileBytes } from '@shared/contract/textDecoding'
import { tokenLabel } from '@shared/sampling/tokenLabel'
import { BpeTrainer } from '@shared/training/bpeTrainer'
import { trainedTokenizerText } from '@shared/training/exportTokenizer'
import { PreTokenCounter } from '@shared/training/preTokens'
import type { MergeRow, TrainRequest, TrainResponse } from './trainerProtocol'

const post = (msg: TrainResponse, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(msg, transfer)

/** A token's text for the list: whitespace made visible, partial characters as \xNN. */
function label(bytes: Uint8Array): string {
  return tokenLabel(bytes).replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\r/g, '␍').replace(/\t/g, '⇥')
}

/** Lets a message in between batches (none is expected: Cancel terminates the worker). */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0))

async function train(req: TrainRequest): Promise<void> {
  const started = performance.now()
  const counter = new PreTokenCounter(req.pattern)
  const skipped: string[] = []
  for (const source of req.sources) {
    if (source.kind === 'text') counter.add(source.text)
    else {
      const decoded = decodeFileBytes(new Uint8Array(source.bytes))
      if (decoded.ok) counter.add(decoded.text)
      else skipped.push(`${source.name}: ${decoded.message}`)
    }
  }
  post({ type: 'counted', preTokens: counter.counts.size, characters: counter.characters, skipped, ms: performance.now() - started })
  if (counter.counts.size === 0) {
    post({ type: 'error', message: skipped.length > 0 ? 'No text to train on: every file was refused.' : 'No text to train on: the source is empty.' })
    return
  }
  await breathe()
  const trainer = new BpeTrainer(counter.counts)
  while (trainer.merges.length < req.merges && !trainer.done) {
    const batchStart = performance.now()
    const rows: MergeRow[] = []
    while (performance.now() - batchStart < 100 && trainer.merges.length < req.merges && !trainer.done) {
      for (const m of trainer.learn(Math.min(10, req.merges - trainer.merges.length))) {
        rows.push({ rank: 0, left: label(trainer.tokenBytes(m.left)), right: label(trainer.tokenBytes(m.right)), token: label(trainer.tokenBytes(m.id)), count: m.count, id: m.id })
      }
    }
    // Ranks: the batch's rows end at the merge count.
    rows.forEach((r, i) => (r.rank = trainer.merges.length - rows.length + i + 1))
    post({ type: 'merges', rows, learned: trainer.merges.length, total: req.merges })
    await breathe()
  }
  const text = trainedTokenizerText({ merges: trainer.merges, pattern: req.pattern, tokenByteString: (id) => trainer.tokenByteString(id) })
  const json = new TextEncoder().encode(text).buffer as ArrayBuffer
  post({ type: 'done', json, learned: trainer.merges.length, vocabSize: trainer.vocabSize, stoppedEarly: trainer.merges.length < req.merges, ms: performance.now() - started }, [json])
}

self.onmessage = (e: MessageEvent<TrainRequest>) => {
  if (e.data?.type !== 'train') return
  train(e.data).catch((err: unknown) => post({ type: 'error', message: `Training failed: ${(err as Error).message ?? String(err)}` }))
}
