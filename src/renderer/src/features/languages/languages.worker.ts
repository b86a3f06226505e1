/// <reference lib="webworker" />
// The Languages lab's work, off the editor's thread: reads the bundled corpus (the UDHR as text)
// once, counts every translation with each tokenizer asked for (kept per tokenizer and special-token
// mode, so switching back is instant) and hands out a translation's text. Counting yields between
// translations, so a newer job (or a text request) is seen at once and an older count stops.
import { parseCorpus, UDHR_ASSET, type UdhrCorpus } from '@shared/languages/corpus'
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
        post({ type: 'progress', tokenizer: id, done: 0, total: languages.length, seq })
        let tokenizer
        try {
          tokenizer = await loadAppTokenizer(id)
        } catch (err) {
          post({ type: 'tokenizerError', tokenizer: id, message: err instanceof Error ? err.message : String(err), seq })
          continue
        }
        if (seq !== currentCount) return
        tokens = []
        let last = performance.now()
        for (const l of languages) {
          tokens.push(countTokens(l.text, tokenizer, req.mode))
          if (performance.now() - last > 40) {
            post({ type: 'progress', tokenizer: id, done: tokens.length, total: languages.length, seq })
            await yieldToEvents()
            if (seq !== currentCount) return
            last = performance.now()
          }
        }
        counted.set(key, tokens)
      }
      post({ type: 'counts', tokenizer: id, mode: req.mode, tokens, seq })
    }
    post({ type: 'done', seq })
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), seq })
  }
}
