import { availableParallelism } from 'node:os'
import { Worker, parentPort, workerData } from 'node:worker_threads'
import { addCounts, countText, ZERO_COUNTS } from '@shared/text/counts'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { ChunkCutRule } from '@shared/tokenizer/tokenizer'
import { countTokens, cutByRule } from './chunks'
import type { TextMeasure, TokenCounter } from './count'
import { folderReader, loadSource, type TokenizerSource } from './engine'

/**
 * Texts are sent to workers in pieces of at least this many UTF-16 units, cut where the
 * app cuts chunks (chunking.ts: cuts that cannot change the tokens nor split a word), so
 * the pieces' tokens and counts add up to the whole text's.
 */
export const PIECE_CHARS = 512 * 1024

/** Below this much input (bytes), starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024

/** Most workers started (each holds its own copy of the tokenizer's tables). */
export const MAX_WORKERS = 8

/** What a worker is started with: the same tokenizer as this thread (bundled files read from `assetDir`). */
export interface WorkerSetup {
  source: TokenizerSource
  assetDir: string
  mode: SpecialMode
}

type Request = { id: number; text: string }
type Reply = { id: number; measure: TextMeasure } | { id: number; error: string }

/**
 * The pieces of `text` for workers: [start, end) ranges at the tokenizer's safe chunk cuts,
 * at least `pieceChars` long (but the last); the whole text for a tokenizer without cuts.
 */
export function piecesOf(text: string, cuts: ChunkCutRule | null, pieceChars = PIECE_CHARS): { start: number; end: number }[] {
  return text.length === 0 ? [{ start: 0, end: 0 }] : cutByRule(text, cuts, pieceChars)
}

/** How many workers to use: --jobs if given (1 = none), else one per core when the input is big enough. */
export function workerCount(jobs: number | null, inputBytes: number, cores = availableParallelism()): number {
  if (jobs !== null) return jobs <= 1 ? 0 : Math.min(jobs, MAX_WORKERS)
  if (cores < 2 || inputBytes < PARALLEL_MIN_BYTES) return 0
  return Math.min(cores, MAX_WORKERS)
}

/**
 * A TokenCounter on worker threads: each text is cut into pieces (piecesOf) that go to the
 * first free worker; their tokens and counts are added up. Each worker keeps two pieces in
 * hand so it never waits for the next. `script` is the built command itself (it serves as
 * a worker when started on a worker thread).
 */
export class WorkerCounter implements TokenCounter {
  private readonly workers: { worker: Worker; inFlight: number }[] = []
  private readonly queue: Request[] = []
  private readonly waiting = new Map<number, { resolve: (m: TextMeasure) => void; reject: (e: Error) => void }>()
  private nextId = 0
  private failed: Error | null = null

  /** @param cuts the tokenizer's chunk cut rule (this thread's copy), for cutting texts into pieces */
  constructor(script: string, size: number, setup: WorkerSetup, private readonly cuts: ChunkCutRule | null, private readonly pieceChars = PIECE_CHARS) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { countWorker: setup } })
      const slot = { worker, inFlight: 0 }
      worker.on('message', (reply: Reply) => {
        slot.inFlight--
        const w = this.waiting.get(reply.id)
        this.waiting.delete(reply.id)
        if ('error' in reply) w?.reject(new Error(reply.error))
        else w?.resolve(reply.measure)
        this.pump()
      })
      worker.on('error', (err) => this.fail(err))
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a counting worker stopped (exit code ${code})`))
      })
      this.workers.push(slot)
    }
  }

  private fail(err: Error): void {
    this.failed ??= err
    for (const w of this.waiting.values()) w.reject(this.failed)
    this.waiting.clear()
    this.queue.length = 0
  }

  private pump(): void {
    for (const slot of this.workers) {
      while (slot.inFlight < 2 && this.queue.length > 0) {
        slot.inFlight++
        slot.worker.postMessage(this.queue.shift()!)
      }
    }
  }

  private submit(text: string): Promise<TextMeasure> {
    if (this.failed) return Promise.reject(this.failed)
    const id = this.nextId++
    const done = new Promise<TextMeasure>((resolve, reject) => this.waiting.set(id, { resolve, reject }))
    this.queue.push({ id, text })
    this.pump()
    return done
  }

  /** The tokens and counts of `text`, measured in pieces on the workers. */
  async measure(text: string): Promise<TextMeasure> {
    const parts = await Promise.all(piecesOf(text, this.cuts, this.pieceChars).map((p) => this.submit(text.slice(p.start, p.end))))
    let tokens = 0
    let counts = ZERO_COUNTS
    for (const part of parts) {
      tokens += part.tokens
      counts = addCounts(counts, part.counts)
    }
    return { tokens, counts }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }
}

/** True when this thread was started by a WorkerCounter. */
export function isCountWorker(): boolean {
  return parentPort !== null && (workerData as { countWorker?: WorkerSetup } | null)?.countWorker !== undefined
}

/** The worker's side: loads the tokenizer, then answers each piece with its tokens and counts. */
export async function serveCountWorker(): Promise<void> {
  const setup = (workerData as { countWorker: WorkerSetup }).countWorker
  const tokenizer = await loadSource(setup.source, folderReader(setup.assetDir), 'count')
  parentPort!.on('message', ({ id, text }: Request) => {
    let reply: Reply
    try {
      reply = { id, measure: { tokens: countTokens(text, tokenizer, setup.mode), counts: countText(text) } }
    } catch (err) {
      reply = { id, error: err instanceof Error ? err.message : String(err) }
    }
    parentPort!.postMessage(reply)
  })
}
