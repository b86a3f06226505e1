import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { aliases } from './vite.aliases.ts'

/**
 * Test files that need a module graph of their own: they mock modules or globals, or check
 * what happens on a first load (a tokenizer that failed to load, files that are missing), which
 * another file's earlier load of the same module would hide.
 */
const ISOLATED = [
  'src/main/controller.test.ts',
  'src/main/index.test.ts',
  'src/main/tokenizerOpener.test.ts',
  'src/preload/index.test.ts',
  'src/renderer/src/tokens/localEncoder.test.ts',
  'src/shared/tokenizer/catalog.test.ts',
  'src/cli/run.test.ts',
]

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    // Vitest's default leaves one core idle (cores - 1): on a 2-core machine that is one worker.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // The rest share each worker's loaded modules (a bundled tokenizer is loaded once per
        // worker, not once per file): the unit suite took 181 s with a graph per file, 107 s so.
        test: { name: 'shared', include: ['src/**/*.test.ts'], exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
})
