import { useEffect, useId, useMemo, useState } from 'react'
import { MAX_SENTENCES, splitInput, type SentenceInput } from '@shared/embeddings/input'
import { EMBEDDING_MODEL } from '@shared/embeddings/model'
import { pca2d } from '@shared/embeddings/pca'
import { cosineMatrix, nearestOthers } from '@shared/embeddings/vectors'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { CancelledError, type EmbedResult } from './embeddingsClient'
import { QuerySearch } from './QuerySearch'
import { SentenceMap } from './SentenceMap'
import { SentenceTokens } from './SentenceTokens'
import { formatCosine, SimilarityTable } from './SimilarityTable'
import { useEmbeddingsClient } from './useEmbeddingsClient'
import './embeddings.css'

/** The tutorial's two sentences and a paraphrase of the first: a close pair and a far pair at first sight. */
export const EXAMPLE_SENTENCES = ['The sun is shining brightly.', 'Cats and dogs are popular pets.', 'Bright sunshine fills the sky.'].join('\n')

/** Props of the EmbeddingsPanel. */
export interface EmbeddingsPanelProps {
  onClose(): void
  /** The editor's text now (for the Query search). */
  getText(): string
}

/**
 * The Embeddings lab: sentences as vectors from a small sentence encoder that runs in a worker
 * on this computer: their cosine matrix, each one's nearest neighbour, a 2-D map, the tokens the
 * encoder sees, and a search of the editor's text by meaning. Loaded lazily.
 */
export default function EmbeddingsPanel({ onClose, getText }: EmbeddingsPanelProps) {
  const id = useId()
  const { client, model } = useEmbeddingsClient()
  const [text, setText] = useState(EXAMPLE_SENTENCES)
  const settled = useDebouncedValue(text, 400)
  const input = useMemo(() => splitInput(settled), [settled])
  const [result, setResult] = useState<{ input: SentenceInput; embedded: EmbedResult } | null>(null)
  const [error, setError] = useState<{ input: SentenceInput; message: string } | null>(null)
  const empty = input.texts.length === 0
  const busy = !empty && result?.input !== input && error?.input !== input

  useEffect(() => {
    if (input.texts.length === 0) return
    const job = client.embed(input.texts, { withTokens: true })
    job.result.then(
      (embedded) => setResult({ input, embedded }),
      (err: unknown) => {
        if (!(err instanceof CancelledError)) setError({ input, message: err instanceof Error ? err.message : String(err) })
      },
    )
    return () => job.cancel()
  }, [client, input])

  const shown = empty ? null : result
  const view = useMemo(() => {
    if (!shown) return null
    const { rows } = shown.embedded
    const matrix = cosineMatrix(rows)
    return { matrix, nearest: nearestOthers(matrix, rows.count), projection: pca2d(rows) }
  }, [shown])

  const sentences = shown?.input.texts ?? []
  return (
    <section className="embeddings-lab lab-column" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <div className="embeddings-head">
        <h2 id={`${id}-title`}>Embeddings</h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close the embeddings lab">
          Close
        </button>
      </div>
      <p className="hint">
        Each sentence becomes a list of {EMBEDDING_MODEL.dimensions} numbers (a vector) from the <strong>{EMBEDDING_MODEL.name}</strong>, licensed{' '}
        {EMBEDDING_MODEL.licence}, running on this computer (no network). Sentences with similar meanings get vectors pointing the same way. OpenAI's embeddings
        ({EMBEDDING_MODEL.openAiDimensions.toLocaleString('en-US')} dimensions in the tutorial) are a different model: the numbers here are this model's.
      </p>
      <label className="embeddings-label" htmlFor={`${id}-s`}>
        Sentences
      </label>
      <span className="hint" id={`${id}-s-hint`}>
        One per line, up to {MAX_SENTENCES}.
      </span>
      <textarea id={`${id}-s`} aria-describedby={`${id}-s-hint`} className="embeddings-sentences" rows={5} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <ModelStatus model={model} busy={busy} embedMs={shown?.embedded.ms ?? null} />
      {input.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
      {empty && <p className="hint">Type a sentence or two to compare.</p>}
      {error?.input === input && model.status !== 'failed' && (
        <p className="embeddings-error" role="alert">
          {error.message} The rest of the app is not affected.
        </p>
      )}
      {shown && view && (
        <>
          <SimilarityTable sentences={sentences} matrix={view.matrix} />
          {sentences.length > 1 && (
            <>
              <h3>Nearest other sentence</h3>
              <ol className="embeddings-nearest">
                {view.nearest.map((nb, i) => (
                  <li key={i}>
                    {sentences[i]} <span aria-hidden="true">→</span>
                    <span className="sr-only">is closest to</span> {nb.index + 1}. {sentences[nb.index]} ({formatCosine(nb.similarity)})
                  </li>
                ))}
              </ol>
              <SentenceMap sentences={sentences} projection={view.projection} />
            </>
          )}
          {shown.embedded.tokens && (
            <>
              <h3>What the encoder reads</h3>
              <p className="hint">Its own SentencePiece tokenizer ({EMBEDDING_MODEL.vocabularySize.toLocaleString('en-US')} pieces), not the editor's; a leading space marks the start of a word.</p>
              <SentenceTokens sentences={sentences} tokens={shown.embedded.tokens} />
            </>
          )}
        </>
      )}
      <QuerySearch client={client} getText={getText} />
    </section>
  )
}

function ModelStatus({ model, busy, embedMs }: { model: ReturnType<typeof useEmbeddingsClient>['model']; busy: boolean; embedMs: number | null }) {
  if (model.status === 'loading')
    return (
      <div className="embeddings-progress">
        <progress aria-label="Loading the embedding model" max={1} value={model.fraction} />
        <span>Loading the model ({Math.round(model.fraction * 100)}% of 28 MB)…</span>
      </div>
    )
  if (model.status === 'failed')
    return (
      <p className="embeddings-error" role="alert">
        The embedding model could not load: {model.message} The rest of the app works as before.
      </p>
    )
  return (
    <p className="hint" role="status">
      {busy ? 'Embedding…' : model.status === 'ready' ? `Model loaded in ${model.ms.toLocaleString('en-US')} ms${embedMs !== null ? `; embedded in ${embedMs.toLocaleString('en-US')} ms` : ''}.` : ''}
    </p>
  )
}
