// `npx vitest run -c bench/vitest.engines.config.ts training`: the training rows alone (prints, asserts nothing).
import { it } from 'vitest'
import { trainingRows } from './training'

it('training 1 MB to 10,000 merges, and Rust tokenizers on the same file', () => {
  console.log(trainingRows().join('\n'))
})
