import type { PieceTrace } from '../tokenizer/mergeTrace'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { byteLabel } from './byteLabel'

/** One part of a piece during the replay: a token id and its bytes as a label (byteLabel). */
export interface ReplayPart {
  id: number
  label: string
}

/** One row of the replay. */
export interface ReplayStep {
  /**
   * 'merge': `left` and `right` joined into `made`; 'whole': the engine took the whole piece
   * as one vocabulary token instead of the merges' result (tiktoken does this for any piece
   * that is a token).
   */
  kind: 'merge' | 'whole'
  /** The merge's rank (kind 'merge'); -1 for 'whole'. */
  rank: number
  /** The two parts joined (kind 'merge'). */
  left?: ReplayPart
  right?: ReplayPart
  /** The token made. */
  made: ReplayPart
  /** The piece's parts after the step. */
  parts: ReplayPart[]
}

/** How one pre-token is built, step by step. */
export interface PieceReplay {
  /** The pre-token as the model sees it (after any normalizer), visible whitespace. */
  piece: string
  /** The parts merging starts from: bytes (byte-level BPE), or characters and byte fallbacks (SentencePiece style). */
  start: ReplayPart[]
  /** The merges in the engine's order, and a final 'whole' step where the engine skipped them. */
  steps: ReplayStep[]
  /** The tokens the engine produced for the piece (the last step's parts, or `start` when nothing merged). */
  final: ReplayPart[]
  /** What a rank means for this engine. */
  rankMeaning: string
  /** The piece was too long to replay: `steps` is empty and `final` is the engine's result. */
  tooLong: boolean
  /** The trace kind: 'added' pieces never merge. */
  kind: PieceTrace['kind']
}

/** The replay of the piece holding one token, or a plain message when there is nothing to replay. */
export type TokenReplay = ({ kind: 'replay'; tokenInPiece: number } & Omit<PieceReplay, 'kind'>) | { kind: 'message'; message: string }

/** What a rank means, per engine. */
export function rankMeaning(tokenizer: Pick<Tokenizer, 'engine'>): string {
  return tokenizer.engine === 'hf-fast'
    ? 'rank: the merge’s line in the file’s merge list (lower merges first)'
    : 'rank: the new token’s rank in the table, also its id (lower merges first)'
}

/** A part for id `id`. */
function partOf(tokenizer: Tokenizer, id: number): ReplayPart {
  if (id < 0) return { id, label: '?' }
  return { id, label: byteLabel(tokenizer.tokenBytes(id)) }
}

/** Replays one piece's trace: the steps applied to its starting parts, and a 'whole' step where the engine's tokens differ from the merges' result. */
export function replayPiece(tokenizer: Tokenizer, trace: PieceTrace): PieceReplay {
  const start = trace.symbols.map((id) => partOf(tokenizer, id))
  let parts = start
  const steps: ReplayStep[] = []
  for (const s of trace.steps) {
    const left = parts[s.left]
    const right = parts[s.left + 1]
    if (!left || !right) throw new Error(`Merge step at part ${s.left} of ${parts.length}: the trace is inconsistent`)
    const made = partOf(tokenizer, s.id)
    parts = [...parts.slice(0, s.left), made, ...parts.slice(s.left + 2)]
    steps.push({ kind: 'merge', rank: s.rank, left, right, made, parts })
  }
  const final = trace.ids.map((id) => partOf(tokenizer, id))
  const tooLong = trace.tooLong === true
  const same = parts.length === final.length && parts.every((p, i) => p.id === final[i].id)
  if (!same && !tooLong && trace.kind === 'whole' && final.length === 1) steps.push({ kind: 'whole', rank: -1, made: final[0], parts: final })
  else if (!same && !tooLong && trace.kind !== 'added') throw new Error(`The replay of ${JSON.stringify(trace.text)} ends in other tokens than the engine's`)
  return { piece: byteLabel(new TextEncoder().encode(trace.text)), start: trace.kind === 'added' ? final : start, steps, final, rankMeaning: rankMeaning(tokenizer), tooLong, kind: trace.kind }
}

/** Why a tokenizer without merge traces has no steps to show. */
export function noMergeMessage(tokenizer: Pick<Tokenizer, 'engine' | 'modelType'>): string {
  switch (tokenizer.modelType) {
    case 'WordPiece':
      return 'This is a WordPiece tokenizer: it does not merge. It cuts each word from the left, taking the longest vocabulary entry that fits (later pieces carry a prefix such as ##), so a token is found whole, never built from pairs.'
    case 'Unigram':
      return 'This is a Unigram tokenizer: it does not merge. It scores every vocabulary entry by probability and picks the split of each word whose pieces are most probable together, so there are no merge steps to show.'
    case 'WordLevel':
      return 'This is a word-level tokenizer: it does not merge. Each word is looked up whole in the vocabulary.'
    case 'BPE':
      return 'This BPE file uses options the app’s own engine does not run (it is counted by the general engine), so its merges cannot be replayed step by step.'
    default:
      return 'This tokenizer gives no merge steps.'
  }
}

/**
 * How the token at UTF-16 offset `offset` of `text` is built: tokenizes `text` as ordinary text,
 * finds the token there, and replays the merges of the pre-token holding it. `text` should be
 * the token's surroundings cut where the tokenizer cuts safely (a line); a token whose id
 * differs from `expectId` (other surroundings gave other tokens) gets a message.
 */
export function replayTokenAt(tokenizer: Tokenizer, text: string, offset: number, expectId?: number): TokenReplay {
  if (expectId !== undefined && tokenizer.isSpecial(expectId))
    return { kind: 'message', message: 'A special token: it is matched whole before the tokenizer runs, so it is never built by merges.' }
  if (!tokenizer.mergeTrace) return { kind: 'message', message: noMergeMessage(tokenizer) }
  if (offset < 0 || offset >= text.length) return { kind: 'message', message: 'No token there.' }
  const { ids, starts } = tokenizer.tokenize(text, 'text')
  let k = -1
  for (let i = 0; i < ids.length; i++) if (starts[i] <= offset && offset < starts[i + 1]) k = i
  if (k < 0) return { kind: 'message', message: 'No token there.' }
  if (expectId !== undefined && ids[k] !== expectId) return { kind: 'message', message: 'This token depends on text around it that the replay does not see; select it again.' }
  const traces = tokenizer.mergeTrace(text)
  let before = 0
  for (const trace of traces) {
    if (k < before + trace.ids.length) {
      if (trace.ids[k - before] !== ids[k]) break
      const r = replayPiece(tokenizer, trace)
      if (trace.kind === 'added') return { kind: 'message', message: 'An added token: it is matched whole before the model runs, so it is never built by merges.' }
      const { kind: _kind, ...rest } = r
      return { kind: 'replay', tokenInPiece: k - before, ...rest }
    }
    before += trace.ids.length
  }
  return { kind: 'message', message: 'The merge trace does not match the tokens here.' }
}

