// What the work loop (schedule.ts) needs of the coordinator: its own module, so the loop and
// the coordinator both depend on it and not on each other.
import type { ChunkRange } from '@shared/document/documentModel'
import type { ChunkTokens } from '@shared/document/tokenize'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { HelperPool } from './helperPool'

/** The coordinator as the work loop sees it: pending chunks, the helper pool, encoding and sending. */
export interface ScheduleHost {
  /** The tokenizer in use; the loop reloads when it changes. */
  readonly encoding: TokenizerId
  /** Chunks waiting for tokens and not with a helper. */
  readonly pending: Set<ChunkRange>
  /** Set when edits, the viewport or helpers change which chunks should go first. */
  orderStale: boolean
  readonly pool: HelperPool
  readonly now: () => number
  readonly yieldToEvents: () => Promise<void>
  /** True while `chunk` is still part of the document. */
  isLive(chunk: ChunkRange): boolean
  /** Drops a chunk that is no longer part of the document. */
  forget(chunk: ChunkRange): void
  isOnScreen(chunk: ChunkRange): boolean
  /** The loaded tokenizer for `encoding`. */
  ensureEncoding(): Promise<Tokenizer>
  /** Encodes `chunk` in this thread; `transfer` when its arrays may be handed over. */
  encodeHere(chunk: ChunkRange, enc: Tokenizer, useCache: boolean): { tokens: ChunkTokens; transfer: boolean }
  /** Queues a chunk's tokens for the next flush. */
  queue(chunk: ChunkRange, tokens: ChunkTokens, transfer: boolean): void
  /** Sends the queued tokens to the UI. */
  flush(): void
  /** Tells the UI what is done and what is left. */
  postStatus(): void
}
