#!/usr/bin/env node
// The tokenizer-explorer command: see help.ts for what it does and run.ts for how. Started
// on a worker thread (by pool.ts), the same file counts pieces of text instead.
import { fileURLToPath } from 'node:url'
import { processIO } from './io'
import { isCountWorker, serveCountWorker } from './pool'
import { runCli } from './run'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 10)) {
  process.stderr.write(`tokenizer-explorer needs Node 20 or later (this is ${process.versions.node}).\n`)
  process.exit(1)
}

if (isCountWorker()) await serveCountWorker()
else {
  // A closed pipe (`... | head`) ends the output quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
  // The bundled tokenizer files lie in tokenizers/ beside the built command.
  process.exitCode = await runCli(process.argv.slice(2), processIO(), { workerScript: fileURLToPath(import.meta.url), assetDir: fileURLToPath(new URL('tokenizers/', import.meta.url)), modelDir: fileURLToPath(new URL('../renderer/embedding-model/', import.meta.url)) })
}
