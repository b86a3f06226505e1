import { defineConfig } from 'electron-vite'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rendererConfig } from './vite.renderer.ts'
import { aliases } from './vite.aliases.ts'

/** Name, version and licence of every runtime dependency and Electron, for Help > About. */
function shippedLicences(): { name: string; version: string; license: string }[] {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  return [...Object.keys(pkg.dependencies), 'electron'].sort().map((name) => {
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
