#!/usr/bin/env node
// The tokenizer-explorer command: see help.ts for what it does and run.ts for how. Started
// on a worker thread (by pool.ts), the same file counts pieces of text instead.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { useRankFiles } from '@shared/tokenizer/openai/encodingLoader'
import { processIO } from './io'
import { isCountWorker, serveCountWorker } from './pool'
import { runCli } from './run'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 10)) {
  process.stderr.write(`tokenizer-explorer needs Node 20 or later (this is ${process.versions.node}).\n`)
  process.exit(1)
}

// The bundled tokenizer files lie in tokenizers/ beside the built command, OpenAI's rank
// tables among them in their quickest form to load (rank files, made by vite.cli.config.ts).
const assetDir = new URL('tokenizers/', import.meta.url)
useRankFiles(async (name) => new Uint8Array(await readFile(new URL(name, assetDir))))

if (isCountWorker()) await serveCountWorker()
else {
  // A closed pipe (`... | head`) ends the output quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
  process.exitCode = await runCli(process.argv.slice(2), processIO(), { workerScript: fileURLToPath(import.meta.url), assetDir: fileURLToPath(assetDir), modelDir: fileURLToPath(new URL('../renderer/embedding-model/', import.meta.url)) })
}
