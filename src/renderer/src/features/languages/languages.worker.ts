/// <reference lib="webworker" />
// The Languages lab's work, off the editor's thread: reads the bundled corpus (the UDHR as text)
// once, counts every translation with each tokenizer asked for (kept per tokenizer and special-token
// mode, so switching back is instant) and hands out a translation's text. Counting yields between
// translations, so a newer job (or a text request) is seen at once and an older count stops.
import { ENGLISH_CODE, parseCorpus, UDHR_ASSET, type UdhrCorpus } from '@shared/languages/corpus'
import { readJsonAsset } from '@shared/tokenizer/catalog'
import { countTokens } from '@shared/document/tokenize'
import { countText } from '@shared/text/counts'
import { fetchAsset, loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import type { LanguagesRequest, LanguagesResponse } from './languagesProtocol'

declare const self: DedicatedWorkerGlobalScope

let corpus: Promise<UdhrCorpus> | null = null
/** Token counts per `${tokenizer}\0${mode}`, in corpus order. */
const counted = new Map<string, number[]>()
/** The newest count job; older ones stop at their next yield. */
let currentCount = 0

const post = (msg: LanguagesResponse) => self.postMessage(msg)
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** The corpus, read once (a failed read is tried again by the next job). */
function loadCorpus(): Promise<UdhrCorpus> {
  corpus ??= readJsonAsset(fetchAsset, UDHR_ASSET).then(parseCorpus)
  corpus.catch(() => (corpus = null))
  return corpus
}

self.onmessage = async (event: MessageEvent<LanguagesRequest>) => {
  // A tokenizer opened from a file comes first (tokens/openedTokenizer.ts); its old counts go.
  if (takeTokenizerRegistration(event.data)) {
    for (const key of [...counted.keys()]) if (key.startsWith('file: ')) counted.delete(key)
    return
  }
  const req = event.data
  const { seq } = req
  try {
    const { languages, source } = await loadCorpus()
    if (req.type === 'text') {
      const l = languages.find((x) => x.code === req.code)
      if (!l) throw new Error(`No translation ${req.code} in the corpus.`)
      post({ type: 'text', code: l.code, text: l.text, seq })
      return
    }
    currentCount = seq
    post({
      type: 'corpus',
      source,
      languages: languages.map((l) => ({ code: l.code, name: l.name, bcp47: l.bcp47, direction: l.direction, stage: l.stage, articles: l.articles })),
      characters: languages.map((l) => countText(l.text).characters),
      seq,
    })
    for (const id of req.tokenizers) {
      const key = `${id}\u0000${req.mode}`
      let tokens = counted.get(key)
      if (!tokens) {
        const total = languages.length
        post({ type: 'progress', tokenizer: id, mode: req.mode, indices: [], tokens: [], done: 0, total, seq })
        let tokenizer
        try {
          tokenizer = await loadAppTokenizer(id)
        } catch (err) {
          post({ type: 'tokenizerError', tokenizer: id, message: err instanceof Error ? err.message : String(err), seq })
          continue
        }
        if (seq !== currentCount) return
        // English first (every ratio needs it), then the corpus in order; the rows fill in as they are counted.
        const english = Math.max(0, languages.findIndex((l) => l.code === ENGLISH_CODE))
        const order = [english, ...[...languages.keys()].filter((i) => i !== english)]
        const all = new Array<number>(total)
        let batch: { indices: number[]; tokens: number[] } = { indices: [], tokens: [] }
        let last = performance.now()
        for (let k = 0; k < total; k++) {
          const i = order[k]
          all[i] = countTokens(languages[i].text, tokenizer, req.mode)
          batch.indices.push(i)
          batch.tokens.push(all[i])
          if (performance.now() - last > 100 || k === 0) {
            post({ type: 'progress', tokenizer: id, mode: req.mode, ...batch, done: k + 1, total, seq })
            batch = { indices: [], tokens: [] }
            await yieldToEvents()
            if (seq !== currentCount) return
            last = performance.now()
          }
        }
        tokens = all
        counted.set(key, tokens)
      }
      post({ type: 'counts', tokenizer: id, mode: req.mode, tokens, seq })
    }
    post({ type: 'done', seq })
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), seq })
  }
}
