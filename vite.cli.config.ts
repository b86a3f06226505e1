import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { aliases } from './vite.aliases.ts'
import { tokenizersPlugin } from './vite.renderer.ts'
import type { RawRanks } from './src/shared/tokenizer/bpe/bpeEncoder.ts'
import { encodeRankFile } from './src/shared/tokenizer/bpe/rankFile.ts'

/** Where the command is built: out/cli, or CLI_OUT_DIR (the packer builds apart, so tests that build out/cli never race it). */
const OUT_DIR = process.env.CLI_OUT_DIR ?? 'out/cli'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }

/**
 * Writes out/cli/bundled-packages.json: the npm packages whose code went into the bundle, with
 * version and licence, so the packed command line (scripts/pack-cli.mjs) carries their licences.
 */
function bundledPackagesPlugin(): Plugin {
  return {
    name: 'tokenizer-explorer-bundled-packages',
    generateBundle() {
      const names = new Set<string>()
      for (const id of this.getModuleIds()) {
        const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)
        if (m) names.add(m[1].replace(/\\/g, '/'))
      }
      const packages = [...names].sort().map((name) => {
        const dep = JSON.parse(readFileSync(resolve(import.meta.dirname, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license?: string }
        return { name, version: dep.version, license: dep.license ?? 'see package' }
      })
      this.emitFile({ type: 'asset', fileName: 'bundled-packages.json', source: JSON.stringify(packages, null, 2) + '\n' })
    },
  }
}

/**
 * Writes OpenAI's rank tables as rank files into <out>/tokenizers (src/shared/tokenizer/bpe/rankFile.ts):
 * the command reads them instead of gpt-tokenizer's modules, which take several times longer
 * to load (the modules stay in the bundle as the fallback).
 */
function rankFilesPlugin(): Plugin {
  return {
    name: 'tokenizer-explorer-rank-files',
    apply: 'build',
    async writeBundle() {
      const dir = resolve(import.meta.dirname, OUT_DIR, 'tokenizers')
      mkdirSync(dir, { recursive: true })
      for (const table of ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base']) {
        const ranks = ((await import(`gpt-tokenizer/bpeRanks/${table}`)) as { default: RawRanks }).default
        writeFileSync(resolve(dir, `${table}.ranks.bin`), encodeRankFile(ranks))
      }
    },
  }
}

/**
 * The command line (src/cli) as Node ES modules in out/cli: `tokenizer-explorer.js` (the
 * package's bin), its lazily loaded chunks (the rank tables) and the worker it starts. Every
 * dependency is bundled in, so out/cli runs without node_modules.
 */
export default defineConfig({
  // The bundled tokenizers' files, read from <out>/tokenizers.
  plugins: [tokenizersPlugin(OUT_DIR, false), rankFilesPlugin(), bundledPackagesPlugin()],
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  // Everything bundled in: the command needs no node_modules (npm run pack:cli ships out/cli alone).
  ssr: { noExternal: true },
  resolve: { alias: aliases },
  build: {
    ssr: true,
    target: 'node20',
    outDir: OUT_DIR,
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        'tokenizer-explorer': resolve(import.meta.dirname, 'src/cli/main.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      checks: { bundlerTimings: false },
    },
  },
})
