import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { aliases } from './vite.aliases.ts'
import { tokenizersPlugin } from './vite.renderer.ts'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }

/**
 * The command line (src/cli) as Node ES modules in out/cli: `tokenizer-explorer.js` (the
 * package's bin) and the worker it starts. gpt-tokenizer stays an import from node_modules
 * (a runtime dependency); the gitignore matcher is bundled in.
 */
export default defineConfig({
  // The bundled tokenizers' files, read from out/cli/tokenizers.
  plugins: [tokenizersPlugin('out/cli', false)],
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  // TensorFlow.js and the sentence encoder are dev dependencies (not shipped in node_modules): bundled in, into embed's own chunk.
  ssr: { noExternal: ['ignore', /^@tensorflow/, /^@tensorflow-models/] },
  resolve: { alias: aliases },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
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
