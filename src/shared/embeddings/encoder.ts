import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-cpu'
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter'
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder'
import { checkVocabulary, EMBEDDING_MODEL, pieceText, sparseInput, type VocabEntry } from './model'
import type { VectorRows } from './vectors'

/** Reads the model's files by name (a fetch in the worker, a file read in Node). */
export interface ModelFileReader {
  /** The file's bytes; rejects with a message that names the file when it cannot be read. */
  read(name: string): Promise<ArrayBuffer>
}

/** A token as the encoder's tokenizer sees it. */
export interface EncoderToken {
  id: number
  /** The vocabulary piece, with its word-start mark shown as a space. */
  text: string
}

/** The loaded sentence encoder: the graph and its SentencePiece tokenizer. */
export interface SentenceEncoder {
  /** Embeds the texts as one batch: count x 512 rows, each of length 1. */
  embed(texts: readonly string[]): Promise<VectorRows>
  /** The tokens the model is given for `text`. */
  tokens(text: string): EncoderToken[]
  dispose(): void
}

interface ModelJson {
  modelTopology: unknown
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[]
  format?: string
  generatedBy?: string
  convertedBy?: string
}

let backendReady: Promise<void> | null = null

/** TensorFlow.js on its plain-JavaScript CPU backend (no WebGL, no WASM: the app's CSP allows neither eval nor wasm), quiet. */
function cpuBackend(): Promise<void> {
  backendReady ??= (async () => {
    tf.enableProdMode()
    if (!(await tf.setBackend('cpu'))) throw new Error('The TensorFlow.js CPU backend could not start.')
    await tf.ready()
  })()
  return backendReady
}

function decodeJson(bytes: ArrayBuffer, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new Error(`The embedding model's ${name} is not valid JSON.`)
  }
}

/**
 * Loads the Universal Sentence Encoder from its files (model.json, its weight shards and
 * vocab.json) through `reader`, reporting the share of bytes read (0..1) to `onProgress`.
 */
export async function loadSentenceEncoder(reader: ModelFileReader, onProgress?: (fraction: number) => void): Promise<SentenceEncoder> {
  await cpuBackend()
  const json = decodeJson(await reader.read('model.json'), 'model.json') as ModelJson
  if (!json || !Array.isArray(json.weightsManifest)) throw new Error("The embedding model's model.json has no weights manifest.")
  const paths = json.weightsManifest.flatMap((g) => g.paths)
  const parts: ArrayBuffer[] = []
  let done = 0
  for (const p of paths) {
    parts.push(await reader.read(p))
    onProgress?.(++done / (paths.length + 1))
  }
  const vocabulary = checkVocabulary(decodeJson(await reader.read('vocab.json'), 'vocab.json'))
  const total = parts.reduce((s, b) => s + b.byteLength, 0)
  const weightData = new Uint8Array(total)
  let at = 0
  for (const b of parts) {
    weightData.set(new Uint8Array(b), at)
    at += b.byteLength
  }
  const handler: tf.io.IOHandler = {
    load: () =>
      Promise.resolve({
        modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: weightData.buffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
      }),
  }
  const model = await loadGraphModel(handler)
  onProgress?.(1)
  return encoderOf(model, vocabulary)
}

function encoderOf(model: GraphModel, vocabulary: VocabEntry[]): SentenceEncoder {
  const tokenizer = new Tokenizer(vocabulary)
  const dim = EMBEDDING_MODEL.dimensions
  return {
    async embed(texts) {
      if (texts.length === 0) return { count: 0, dim, values: new Float32Array(0) }
      const { indices, values } = sparseInput(texts.map((t) => tokenizer.encode(t)))
      const inputs = { indices: tf.tensor2d(indices, [values.length, 2], 'int32'), values: tf.tensor1d(values, 'int32') }
      try {
        const out = (await model.executeAsync(inputs)) as tf.Tensor2D
        const data = (await out.data()) as Float32Array
        out.dispose()
        if (data.length !== texts.length * dim) throw new Error(`The embedding model returned ${data.length} numbers for ${texts.length} texts.`)
        return { count: texts.length, dim, values: data }
      } finally {
        inputs.indices.dispose()
        inputs.values.dispose()
      }
    },
    tokens: (text) => tokenizer.encode(text).map((id) => ({ id, text: pieceText(vocabulary[id]?.[0] ?? '') })),
    dispose: () => model.dispose(),
  }
}
