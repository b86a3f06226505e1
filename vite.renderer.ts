// Vite settings shared by the Electron renderer build and the plain-browser build (`npm run web`).
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { aliases } from './vite.aliases.ts'
import type { Plugin, UserConfig } from 'vite'
// @ts-expect-error a plain .mjs build script without types
import { bundleTokenizers } from './scripts/bundle-tokenizers.mjs'
// @ts-expect-error a plain .mjs build script without types
import { bundleEmbeddingModel } from './scripts/bundle-embedding-model.mjs'
import { bundleUdhr } from './scripts/bundle-udhr.mjs'
import { corpusEntry } from './src/shared/languages/udhrText.ts'
import { COMPACT_FORMAT, writeCompactTokenizer } from './src/shared/tokenizer/hf/compactTokenizer.ts'

/** The Content-Security-Policy of the built renderer: our own scripts, workers and styles only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // CodeMirror and React set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** Adds the CSP meta tag to the built index.html (not in dev, where Vite injects inline scripts). */
function cspPlugin(): Plugin {
  return {
    name: 'tokenizer-explorer-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  }
}

/**
 * Copies the bundled tokenizers' files (gzip) into <outDir>/tokenizers, fetched lazily. With
 * `compact` (the renderer) the Hugging Face tokenizers come as compact forms only, which its
 * workers and page build from; without (the CLI), as their tokenizer.json files.
 */
export function tokenizersPlugin(outDir: string, compact = true): Plugin {
  return {
    name: 'tokenizer-explorer-tokenizers',
    apply: 'build',
    writeBundle: () => void bundleTokenizers(resolve(import.meta.dirname, outDir, 'tokenizers'), compact ? { format: COMPACT_FORMAT, write: writeCompactTokenizer } : undefined),
  }
}

/** Copies the sentence encoder's files into <outDir>/embedding-model (the Embeddings lab fetches them same-origin, on first use). */
export function embeddingModelPlugin(outDir: string): Plugin {
  return {
    name: 'tokenizer-explorer-embedding-model',
    apply: 'build',
    writeBundle: () => void bundleEmbeddingModel(resolve(import.meta.dirname, outDir, 'embedding-model')),
  }
}

/** Writes the Languages lab's corpus (the UDHR as text, gzip JSON) into <outDir>/tokenizers beside the tokenizer files. */
export function udhrPlugin(outDir: string): Plugin {
  return {
    name: 'tokenizer-explorer-udhr',
    apply: 'build',
    writeBundle: async () => void (await bundleUdhr(resolve(import.meta.dirname, outDir, 'tokenizers'), corpusEntry)),
  }
}

/** Renderer config: root, React, CSP, module workers, bundled tokenizer files. */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    plugins: [react(), cspPlugin(), tokenizersPlugin(outDir), embeddingModelPlugin(outDir), udhrPlugin(outDir)],
    resolve: { alias: aliases },
    worker: { format: 'es' },
    build: {
      outDir: resolve(import.meta.dirname, outDir),
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: process.env.SOURCEMAP === '1',
      minify: process.env.SOURCEMAP !== '1',
      chunkSizeWarningLimit: 4096,
      // checks: the bundled-tokenizer copy is slow by design; rolldown's timing report looked like a failure.
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html'), checks: { bundlerTimings: false } },
    },
  }
}
