import { memo, useCallback, useEffect, useId, useRef, useState } from 'react'
import { formatPercent } from '@shared/sampling/describe'
import { MAX_CONTEXT, type Continuations } from '@shared/sampling/ngram'
import { formatDistribution } from '@shared/sampling/parseDistribution'
import type { SamplingSettings } from '@shared/sampling/pipeline'
import { probabilityBand } from '@shared/sampling/surprise'
import { labelsFor } from '@shared/sampling/tokenLabel'
import { chipText } from './DistributionChart'
import { NgramClient } from './ngramClient'
import type { GeneratedToken } from './ngramProtocol'
import type { LabInput } from './SamplingLab'

/** What the n-gram source needs from the app: the document's tokens, the caret, token bytes, and a way to insert text. */
export interface NgramHost {
  /** All token ids of the document, or null while tokenizing is still under way. */
  tokenIds(): Uint32Array | null
  /** How many tokens end at or before the caret (the context is the last of them). */
  tokensBeforeCaret(): number
  /** Each token's exact bytes, from the current encoding. */
  tokenBytes(ids: number[]): Promise<(Uint8Array | null)[]>
  /** Inserts text at the caret (one undo step). */
  insertAtCaret(text: string): void
}

/** Props of the NgramSource. */
export interface NgramSourceProps {
  host: NgramHost
  /** Changes whenever the document's tokens do. */
  revision: unknown
  /** The encoding the tokens are in (said in the label). */
  encoding: string
  settings: SamplingSettings
  seed: number
  onLoad(input: LabInput): void
}

type BuildState = { kind: 'idle' } | { kind: 'waiting' } | { kind: 'building'; done: number; total: number } | { kind: 'built'; tokens: number; ms: number } | { kind: 'error'; message: string }

/** How long the tokens must rest before the model is rebuilt (ms). */
const REBUILD_MS = 400

/**
 * The user's own text as a next-token model: an n-gram count over the document's tokens, built in
 * a worker. With the caret anywhere, the lab shows what followed the same tokens elsewhere in the
 * text; Generate extends it token by token with the lab's settings. Plainly not an LLM.
 */
export const NgramSource = memo(function NgramSource({ host, revision, encoding, settings, seed, onLoad }: NgramSourceProps) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [build, setBuild] = useState<BuildState>({ kind: 'idle' })
  const [contextLength, setContextLength] = useState(2)
  const [context, setContext] = useState<{ labels: string[]; result: Continuations } | null>(null)
  const [count, setCount] = useState(20)
  const [generated, setGenerated] = useState<{ steps: GeneratedToken[]; labels: string[]; selected: number | null } | null>(null)
  const clientRef = useRef<NgramClient | null>(null)
  const idsRef = useRef<Uint32Array | null>(null)
  const versionRef = useRef(0)
  const caretRef = useRef(-1)
  const labels = useRef(new Map<number, string>())

  /** Labels for ids (cached per build: ids mean the same tokens until the encoding changes). */
  const labelIds = useCallback(
    async (ids: number[]): Promise<string[]> => {
      const missing = [...new Set(ids.filter((i) => !labels.current.has(i)))]
      if (missing.length) {
        const bytes = await host.tokenBytes(missing)
        labelsFor(missing, bytes).forEach((l, i) => labels.current.set(missing[i], l))
      }
      return ids.map((i) => labels.current.get(i)!)
    },
    [host],
  )

  // The worker lives while the section is open.
  useEffect(() => {
    if (!open) return
    const client = new NgramClient((msg) => {
      if ('version' in msg && msg.version !== versionRef.current) return
      if (msg.type === 'progress') setBuild({ kind: 'building', done: msg.done, total: msg.total })
      else if (msg.type === 'built') {
        setBuild({ kind: 'built', tokens: msg.tokens, ms: msg.ms })
        caretRef.current = -1
        document.dispatchEvent(new Event('selectionchange'))
      } else setBuild({ kind: 'error', message: msg.message })
    })
    clientRef.current = client
    return () => {
      client.dispose()
      clientRef.current = null
      idsRef.current = null
    }
  }, [open])

  // (Re)build after the tokens change and rest.
  useEffect(() => {
    if (!open) return
    const t = window.setTimeout(() => {
      const ids = host.tokenIds()
      const client = clientRef.current
      if (!client) return
      if (!ids) {
        setBuild({ kind: 'waiting' })
        return
      }
      versionRef.current++
      labels.current.clear()
      idsRef.current = ids
      setBuild({ kind: 'building', done: 0, total: MAX_CONTEXT })
      client.build(versionRef.current, ids.slice(), MAX_CONTEXT)
    }, REBUILD_MS)
    return () => window.clearTimeout(t)
  }, [open, revision, host, encoding])

  /** Loads a context's continuations into the lab. */
  const load = useCallback(
    async (result: Continuations, contextLabels: string[], what: string) => {
      const ids = result.next.map((n) => n.id)
      const names = await labelIds(ids)
      const ctx = contextLabels.slice(contextLabels.length - result.contextLength)
      const after = result.contextLength > 0 ? `after ${ctx.map((l) => `‘${chipText(l)}’`).join(' ')}` : 'with no context (how often each token occurs)'
      const backoff = result.contextLength < Math.min(contextLength, contextLabels.length) ? ` The longer context never occurs with a token after it, so the model backed off to ${result.contextLength}.` : ''
      const ways = result.next.length + (result.omitted?.tokens ?? 0)
      const cut = result.omitted
        ? ` The ${result.next.length.toLocaleString('en-US')} most frequent are listed; ${result.omitted.tokens.toLocaleString('en-US')} more (${formatPercent(result.omitted.count / result.total)} of the continuations) are left out.`
        : ''
      onLoad({
        text: formatDistribution({ tokens: names, probs: result.next.map((n) => n.count / result.total) }),
        note: `n-gram model of your text, not an LLM: ${what} ${after}, the text goes on ${result.total.toLocaleString('en-US')} ${result.total === 1 ? 'time' : 'times'} in ${ways.toLocaleString('en-US')} ${ways === 1 ? 'way' : 'ways'}.${backoff}${cut}`,
      })
    },
    [labelIds, onLoad, contextLength],
  )

  // Follow the caret while the model is built.
  const ready = build.kind === 'built'
  useEffect(() => {
    if (!open || !ready) return
    let frame = 0
    const update = () => {
      frame = 0
      const ids = idsRef.current
      const client = clientRef.current
      if (!ids || !client) return
      const before = Math.min(host.tokensBeforeCaret(), ids.length)
      if (before === caretRef.current) return
      caretRef.current = before
      const ctx = Array.from(ids.subarray(Math.max(0, before - contextLength), before))
      void client.query(ctx, contextLength).then(async (result) => {
        if (caretRef.current !== before) return
        const ctxLabels = await labelIds(ctx)
        setContext({ labels: ctxLabels, result })
        // An empty text has nothing to show (the status line says so).
        if (result.total > 0) await load(result, ctxLabels, 'at the caret,')
      })
    }
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    document.addEventListener('selectionchange', onChange)
    caretRef.current = -1
    update()
    return () => {
      document.removeEventListener('selectionchange', onChange)
      cancelAnimationFrame(frame)
    }
  }, [open, ready, host, contextLength, labelIds, load])

  const generate = async () => {
    const ids = idsRef.current
    const client = clientRef.current
    if (!ids || !client) return
    const before = Math.min(host.tokensBeforeCaret(), ids.length)
    const ctx = Array.from(ids.subarray(Math.max(0, before - MAX_CONTEXT), before))
    const steps = await client.generate(ctx, contextLength, count, settings, seed)
    setGenerated({ steps, labels: await labelIds(steps.map((s) => s.id)), selected: null })
  }

  const showStep = async (i: number) => {
    if (!generated) return
    setGenerated({ ...generated, selected: i })
    const s = generated.steps[i]
    await load(s.continuations, generated.labels.slice(Math.max(0, i - contextLength), i), `generated token ${i + 1} (‘${chipText(generated.labels[i])}’, ${formatPercent(s.probability)} after the settings):`)
  }

  const insert = async () => {
    if (!generated) return
    const bytes = await host.tokenBytes(generated.steps.map((s) => s.id))
    const all = new Uint8Array(bytes.reduce((n, b) => n + (b?.length ?? 0), 0))
    let at = 0
    for (const b of bytes) {
      if (!b) continue
      all.set(b, at)
      at += b.length
    }
    // The bytes are joined before decoding, so a character split over tokens comes out whole.
    host.insertAtCaret(new TextDecoder().decode(all))
  }

  return (
    <details className="sampling-source" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h3 id={`${id}-h`}>From your text: n-gram model</h3>
      </summary>
      <p className="sampling-ngram-label">
        <strong>n-gram model of your text, not an LLM.</strong> It counts which token followed the same {contextLength}{' '}
        {contextLength === 1 ? 'token' : 'tokens'} elsewhere in this document ({encoding} tokens). Put the caret anywhere in the text.
      </p>
      <div className="sampling-actions">
        <label className="sampling-field">
          <span>Context length</span>
          <select aria-label="Context length" value={contextLength} onChange={(e) => setContextLength(Number(e.target.value))}>
            {Array.from({ length: MAX_CONTEXT }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'token' : 'tokens'}
              </option>
            ))}
          </select>
        </label>
        <label className="sampling-field">
          <span>Tokens to generate</span>
          <input type="number" aria-label="Tokens to generate" min={1} max={500} value={count} onChange={(e) => setCount(Math.max(1, Math.min(500, Math.floor(Number(e.target.value)) || 1)))} />
        </label>
        {/* aria-disabled, not disabled: the model rebuilds after every edit, and a disabled button drops the keyboard focus. */}
        <button type="button" className="button small" aria-disabled={!ready} onClick={() => ready && void generate()}>
          Generate
        </button>
      </div>
      <p className="hint" role="status" aria-label="n-gram model status">
        {build.kind === 'building' && (
          <>
            Building the model… <progress aria-label="Building the n-gram model" max={build.total} value={build.done} />
          </>
        )}
        {build.kind === 'waiting' && 'Waiting for tokenizing to finish…'}
        {build.kind === 'built' &&
          (build.tokens === 0
            ? 'The text has no tokens yet: type or open some text to model.'
            : `Model of ${build.tokens.toLocaleString('en-US')} tokens, built in ${Math.round(build.ms).toLocaleString('en-US')} ms in a worker.`)}
        {build.kind === 'error' && `The model could not be built: ${build.message}`}
      </p>
      {ready && context && (
        <p className="sampling-context" aria-label="Caret context">
          Context at the caret:{' '}
          {context.labels.length === 0
            ? '(start of the text)'
            : context.labels.map((l, i) => (
                <span key={i} className={`sampling-chip tok-c${i % 8}${i < context.labels.length - context.result.contextLength ? ' unused' : ''}`}>
                  {chipText(l)}
                </span>
              ))}{' '}
          → {context.result.total.toLocaleString('en-US')} {context.result.total === 1 ? 'continuation' : 'continuations'}
        </p>
      )}
      {generated && (
        <>
          <div className="sampling-generated" role="group" aria-label="Generated by the n-gram model">
            {generated.steps.length === 0 && <span className="hint">The text has no tokens to continue with.</span>}
            {generated.steps.map((s, i) => (
              <button
                key={i}
                type="button"
                className={`lp-token mono lp-b${probabilityBand(s.probability)}${generated.selected === i ? ' selected' : ''}`}
                aria-pressed={generated.selected === i}
                aria-label={`${chipText(generated.labels[i])}: picked with ${formatPercent(s.probability)} among ${s.candidates} candidates`}
                title={`${formatPercent(s.probability)} among ${s.candidates} candidates (context ${s.continuations.contextLength})`}
                onClick={() => void showStep(i)}
              >
                {generated.labels[i]}
              </button>
            ))}
          </div>
          <div className="sampling-actions">
            <button type="button" className="button small" disabled={generated.steps.length === 0} onClick={() => void insert()}>
              Insert at the caret
            </button>
          </div>
        </>
      )}
    </details>
  )
})
