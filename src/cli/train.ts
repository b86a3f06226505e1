import { writeFile } from 'node:fs/promises'
import type { ParseArgsConfig } from 'node:util'
import { MAX_FILE_BYTES } from '@shared/contract/textDecoding'
import { formatCount } from '@shared/text/format'
import { BpeTrainer, MAX_MERGES } from '@shared/training/bpeTrainer'
import { trainedTokenizerText } from '@shared/training/exportTokenizer'
import { readMerges } from '@shared/training/mergesInput'
import { isSplitPatternName, PreTokenCounter, SPLIT_PATTERNS, type SplitPatternName } from '@shared/training/preTokens'
import { CliError, EXIT_FAIL, EXIT_OK, usageError } from './errors'
import { findFiles, readInput } from './inputs'
import type { CliIO } from './io'

/** `train`'s options. */
export const TRAIN_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  merges: { type: 'string', short: 'n' },
  pattern: { type: 'string', short: 'p' },
  out: { type: 'string', short: 'o' },
  'max-size': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
}

/** A parsed `train` command line. */
export interface TrainInvocation {
  command: 'train'
  merges: number
  pattern: SplitPatternName
  /** The tokenizer.json to write, or '-' for standard output. */
  out: string
  paths: string[]
  maxBytes: number
  gitignore: boolean
}

/** Reads `train`'s options and inputs; throws a usage error (exit 2) with a plain message. */
export function parseTrainArgs(values: Record<string, string | boolean | undefined>, positionals: string[]): TrainInvocation {
  const mergesText = values.merges as string | undefined
  if (mergesText === undefined) throw usageError('train needs --merges N (how many merges to learn, 1 to 50,000).', 'train')
  const read = readMerges(mergesText)
  if ('error' in read) throw usageError(`--merges takes a whole number from 1 to ${formatCount(MAX_MERGES)}, not "${mergesText}".`, 'train')
  const merges = read.value
  const pattern = (values.pattern as string | undefined) ?? 'o200k'
  if (!isSplitPatternName(pattern)) throw usageError(`--pattern takes ${SPLIT_PATTERNS.join(', ')}, not "${pattern}".`, 'train')
  const out = (values.out as string | undefined) ?? 'tokenizer.json'
  if (out.trim() === '') throw usageError('--out needs a file name (or - for standard output).', 'train')
  if (positionals.length === 0) throw usageError('train needs the files (or folders) to train on, or - for standard input.', 'train')
  const maxSize = values['max-size'] as string | undefined
  let maxBytes = MAX_FILE_BYTES
  if (maxSize !== undefined) {
    const m = /^(\d+)\s*([kmg]?)b?$/i.exec(maxSize.trim())
    if (!m) throw usageError(`--max-size takes a size such as 50M, 512k or 1000000 (bytes), not "${maxSize}".`, 'train')
    maxBytes = Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()]
  }
  return { command: 'train', merges, pattern, out, paths: positionals, maxBytes, gitignore: values['no-ignore'] !== true }
}

/** Runs `train`: reads the inputs, trains, writes the tokenizer.json and prints a summary on standard error. */
export async function runTrain(inv: TrainInvocation, io: CliIO): Promise<number> {
  const started = performance.now()
  const found = await findFiles(inv.paths, inv.gitignore, 'train')
  const counter = new PreTokenCounter(inv.pattern)
  for (const s of found.skipped) io.err(`skipped ${s.path}: ${s.message}\n`)
  let used = 0
  for (const file of found.files) {
    const read = await readInput(file, inv.maxBytes)
    if (!read.ok) {
      io.err(`skipped ${read.skipped.path}: ${read.skipped.message}\n`)
      continue
    }
    counter.add(read.text)
    used++
  }
  if (counter.counts.size === 0) throw new CliError(used === 0 ? 'No text to train on: no input could be read.' : 'No text to train on: the inputs are empty.', EXIT_FAIL, 'train')
  const trainer = new BpeTrainer(counter.counts)
  trainer.learn(inv.merges)
  const text = trainedTokenizerText({ merges: trainer.merges, pattern: inv.pattern, tokenByteString: (id) => trainer.tokenByteString(id) })
  if (inv.out === '-') io.out(text + '\n')
  else {
    try {
      await writeFile(inv.out, text + '\n')
    } catch (err) {
      throw new CliError(`Cannot write ${inv.out}: ${(err as Error).message}`, EXIT_FAIL, 'train')
    }
  }
  const ms = performance.now() - started
  const early = trainer.merges.length < inv.merges ? ` (stopped early: no pair of tokens was left to merge)` : ''
  io.err(
    `learned ${formatCount(trainer.merges.length)} merges${early} from ${formatCount(counter.characters)} characters in ${formatCount(used)} file${used === 1 ? '' : 's'} ` +
      `(${formatCount(counter.counts.size)} distinct pre-tokens, split ${inv.pattern}) in ${(ms / 1000).toFixed(2)} s: ` +
      `${formatCount(trainer.vocabSize)} tokens${inv.out === '-' ? '' : `, written to ${inv.out}`}.\n`,
  )
  return EXIT_OK
}
