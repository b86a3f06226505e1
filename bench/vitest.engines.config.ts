// `npx vitest run -c bench/vitest.engines.config.ts`: the engines' speed measurement (prints, asserts nothing).
import { defineConfig } from 'vitest/config'
import { aliases } from '../vite.aliases.ts'

export default defineConfig({
  resolve: { alias: aliases },
  test: { root: import.meta.dirname, include: ['engines.measure.ts'], environment: 'node', testTimeout: 600_000, hookTimeout: 600_000 },
})
