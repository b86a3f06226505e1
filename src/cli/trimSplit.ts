import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { fittedText, type FitMode } from '@shared/tools/fit'
import { formatCount } from '@shared/text/format'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { chunkFileNames, chunksToJsonl, splitVerified, type SplitChunk } from '@shared/tools/split'
import { flatTokenView } from '@shared/document/tokenView'
import { countTokens, tokenTable } from './chunks'
import { CliError, EXIT_FAIL, usageError } from './errors'

const FIT_MODES: Record<'first' | 'last' | 'both', FitMode> = { first: 'head', last: 'tail', both: 'both' }

/**
 * The text fitted to `budget` tokens with the app's fittedText: the first tokens, the last,
 * or both ends around `marker` (counted again after joining). Null when it already fits.
 */
export async function trimText(
  text: string,
  budget: number,
  keep: 'first' | 'last' | 'both',
  marker: string,
  tokenizer: Tokenizer,
  mode: SpecialMode,
): Promise<{ text: string; kept: number; dropped: number; total: number } | null> {
  const view = flatTokenView(tokenTable(text, tokenizer, mode))
  try {
    const fitted = await fittedText(view, budget, FIT_MODES[keep], marker, (a, b) => text.slice(a, b), async (t) => countTokens(t, tokenizer, mode))
    return fitted && { ...fitted, total: view.count }
  } catch (err) {
    // The marker alone takes (nearly) the whole budget.
    if (err instanceof RangeError) throw new CliError(err.message, EXIT_FAIL, 'trim')
    throw err
  }
}

/** What trim says on standard error. */
export function trimSummary(result: { kept: number; dropped: number; total: number } | null, tokens: number, budget: number): string {
  if (!result) return `fits: ${formatCount(tokens)} tokens within ${formatCount(budget)}; the text is unchanged.`
  return `trimmed: kept ${formatCount(result.kept)} of ${formatCount(result.total)} tokens, dropped ${formatCount(result.dropped)}, to fit ${formatCount(budget)}.`
}

/** The chunks of `text` with the app's splitVerified (each chunk recounted alone and cut shorter until it fits). */
export async function splitText(
  text: string,
  size: number,
  overlap: number,
  tokenizer: Tokenizer,
  mode: SpecialMode,
): Promise<{ chunks: SplitChunk[]; counts: number[] }> {
  const view = flatTokenView(tokenTable(text, tokenizer, mode))
  try {
    return await splitVerified(view, size, overlap, (a, b) => text.slice(a, b), async (texts) => texts.map((t) => countTokens(t, tokenizer, mode)))
  } catch (err) {
    if (err instanceof RangeError) throw usageError(err.message, 'split')
    if (err instanceof Error) throw new CliError(err.message, EXIT_FAIL, 'split')
    throw err
  }
}

/** The chunks as JSON Lines (the app's export): {index, tokens, firstToken, text}. */
export function splitJsonl(text: string, chunks: readonly SplitChunk[]): string {
  return chunks.length === 0 ? '' : chunksToJsonl(chunks, (a, b) => text.slice(a, b))
}

/**
 * Writes chunk-001.txt, ... into `dir` (made if missing). Refuses, before writing any, when
 * one of those files is already there: nothing is overwritten. Returns the file names.
 */
export async function writeChunkFiles(dir: string, text: string, chunks: readonly SplitChunk[]): Promise<string[]> {
  const names = chunkFileNames(chunks.length)
  const taken = names.find((n) => existsSync(join(dir, n)))
  if (taken) throw new CliError(`${join(dir, taken)} already exists; split writes only new files. Choose an empty folder.`, EXIT_FAIL, 'split')
  try {
    await mkdir(dir, { recursive: true })
    for (let i = 0; i < chunks.length; i++) await writeFile(join(dir, names[i]), text.slice(chunks[i].from, chunks[i].to), { flag: 'wx' })
  } catch (err) {
    throw new CliError(`Cannot write the chunks to ${dir}: ${err instanceof Error ? err.message : String(err)}`, EXIT_FAIL, 'split')
  }
  return names
}
