import { parseCommandLine, type Invocation } from './args'
import { runCheck } from './check'
import { inlineCounter, runCount } from './count'
import { decodeList, encodeJson, encodePlain, encodeWithSpans } from './encode'
import { CliError, EXIT_FAIL, EXIT_OK } from './errors'
import { helpText } from './help'
import { readOneText } from './inputs'
import type { CliIO } from './io'
import { MAX_FILE_BYTES } from '../shared/textDecoding'
import { openTokenizer } from './tokenizer'

/** The version printed by --version (the package's, set at build time; "dev" when run from source). */
declare const __CLI_VERSION__: string | undefined
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev'

async function dispatch(inv: Invocation, io: CliIO): Promise<number> {
  switch (inv.command) {
    case 'help':
      io.out(helpText(inv.topic))
      return 0
    case 'version':
      io.out(`tokenizer-explorer ${VERSION}\n`)
      return 0
    case 'count': {
      const tokenizer = await openTokenizer(inv, inv.command)
      const counter = inlineCounter(tokenizer.encoding, inv.special)
      try {
        return await runCount(inv, tokenizer, counter, io)
      } finally {
        await counter.close()
      }
    }
    case 'check': {
      const tokenizer = await openTokenizer(inv, inv.command)
      const counter = inlineCounter(tokenizer.encoding, inv.special)
      try {
        return await runCheck(inv, tokenizer, counter, io)
      } finally {
        await counter.close()
      }
    }
    case 'encode': {
      const tokenizer = await openTokenizer(inv, inv.command)
      const text = inv.text ?? (await readOneText(inv.path, MAX_FILE_BYTES, inv.command))
      io.out(inv.json ? encodeJson(encodeWithSpans(text, tokenizer.encoding, inv.special), tokenizer.encodingName, inv.special) : encodePlain(text, tokenizer.encoding, inv.special))
      return EXIT_OK
    }
    case 'decode': {
      const tokenizer = await openTokenizer(inv, inv.command)
      const input = inv.ids ?? (await readOneText(inv.path, MAX_FILE_BYTES, inv.command))
      const decoded = decodeList(input, tokenizer.encoding)
      for (const w of decoded.warnings) io.err(`warning: ${w}\n`)
      io.out(inv.json ? JSON.stringify({ encoding: tokenizer.encodingName, text: decoded.text, invalidBytes: decoded.invalidBytes }, null, 2) + '\n' : decoded.text)
      return EXIT_OK
    }
    default:
      throw new CliError(`${inv.command} is not available yet.`, EXIT_FAIL)
  }
}

/**
 * Runs one command line (the arguments after the program name) and returns its exit code.
 * Every error becomes one message on standard error, never a stack trace: usage mistakes
 * (exit 2) point to the command's --help; anything unexpected is exit 1.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(parseCommandLine(argv), io)
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`tokenizer-explorer: ${err.message}\n`)
      if (err.exitCode === 2) io.err(`Try "tokenizer-explorer ${err.command ? `${err.command} ` : ''}--help".\n`)
      return err.exitCode
    }
    const message = err instanceof Error ? err.message : String(err)
    io.err(`tokenizer-explorer: unexpected error: ${message}\n`)
    if (process.env.TOKENIZER_EXPLORER_DEBUG && err instanceof Error) io.err(`${err.stack}\n`)
    return EXIT_FAIL
  }
}
