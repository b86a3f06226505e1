// `npx vitest run -c bench/vitest.engines.config.ts`: the engines' speed measurement (prints, asserts nothing).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: { root: import.meta.dirname, include: ['engines.measure.ts', 'training.measure.ts'], environment: 'node', testTimeout: 600_000, hookTimeout: 600_000 },
})
