/** The Embeddings lab: sentences as vectors from a small encoder running in a worker (App.tsx loads the panel lazily from EmbeddingsPanel). */
export type { EmbeddingsPanelProps } from './EmbeddingsPanel'
