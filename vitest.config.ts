import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { aliases } from './vite.aliases.ts'

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    // Vitest's default leaves one core idle (cores - 1): on a 2-core machine that is one worker.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
