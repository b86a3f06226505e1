/**
 * Reading per-token log-probabilities from an API response, pasted or opened from a file.
 *
 * Formats (shapes from each provider's API reference):
 * - OpenAI Chat Completions (also vLLM, llama.cpp's /v1/chat/completions, and other
 *   OpenAI-compatible servers): `choices[i].logprobs.content[] = {token, logprob, bytes,
 *   top_logprobs: [{token, logprob, bytes}]}`; streamed as server-sent events (`data: {…}`), one
 *   chunk per delta.
 * - OpenAI Responses API (with `include: ["message.output_text.logprobs"]`):
 *   `output[].content[]` of type `output_text` with `logprobs: [{token, logprob, bytes,
 *   top_logprobs}]`.
 * - Legacy Completions (OpenAI /v1/completions, vLLM's): `choices[i].logprobs = {tokens,
 *   token_logprobs, top_logprobs: [{token: logprob}]}`.
 * - llama.cpp server /completion with `n_probs`: `completion_probabilities: [{id, token,
 *   logprob, bytes, top_logprobs: [{id, token, logprob, bytes}]}]`; with `post_sampling_probs`
 *   `prob` and `top_probs` instead; older servers `[{content, probs: [{tok_str, prob}]}]`.
 * - Ollama /api/generate and /api/chat with `logprobs: true`: `logprobs: [{token, logprob, bytes,
 *   top_logprobs}]` at the top level; streamed as one JSON object per line.
 *
 * OpenAI gives -9999 for "very unlikely"; that reads as probability 0 here.
 */

/** An alternative at one position: a token and its log-probability. */
export interface Alternative {
  token: string
  logprob: number
}

/** One generated token with what the response says about it. */
export interface LogprobToken {
  token: string
  /** Its log-probability (natural log), or null when the response does not give it. */
  logprob: number | null
  /** The most likely tokens at this position, as listed (possibly without the chosen one). */
  top: Alternative[]
}

/** A parsed response: which format it was, and its tokens in order. */
export interface LogprobsDocument {
  format: string
  tokens: LogprobToken[]
  /** Whether the probabilities are after the server's sampling chain (llama.cpp post_sampling_probs). */
  postSampling?: boolean
}

/** What parsing gave. */
export type ParsedLogprobs = { ok: true; document: LogprobsDocument } | { ok: false; error: string }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a response (one JSON document, JSON lines, or server-sent events) and returns its tokens, or a message saying why not. */
export function parseLogprobs(input: string): ParsedLogprobs {
  const text = input.trim().replace(/^\ufeff/, '')
  if (text === '') return { ok: false, error: 'Paste an API response with logprobs, or open a file with one.' }
  let documents: unknown[]
  try {
    documents = [JSON.parse(text)]
  } catch (err) {
    const lines = splitStream(text)
    if (!lines) return { ok: false, error: `This is not JSON: ${err instanceof Error ? err.message : String(err)}` }
    documents = lines
  }
  const parts: LogprobsDocument[] = []
  for (const doc of documents) {
    const r = readOne(doc)
    if ('error' in r) return { ok: false, error: documents.length > 1 ? `Chunk ${parts.length + 1}: ${r.error}` : r.error }
    parts.push(r)
  }
  const tokens = parts.flatMap((p) => p.tokens)
  if (tokens.length === 0) return { ok: false, error: `This ${parts[0]?.format ?? ''} response has no logprobs: ask for them (logprobs: true, top_logprobs: 5, or n_probs for llama.cpp).`.replace('This  ', 'This ') }
  return { ok: true, document: { format: parts[0].format, tokens, ...(parts.some((p) => p.postSampling) ? { postSampling: true } : {}) } }
}

/** JSON lines or `data:` events, each parsed; null if the text is neither. */
function splitStream(text: string): unknown[] | null {
  const out: unknown[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('event:') || line.startsWith(':')) continue
    if (line.startsWith('data:')) line = line.slice(5).trim()
    if (line === '[DONE]') continue
    try {
      out.push(JSON.parse(line))
    } catch {
      return null
    }
  }
  return out.length ? out : null
}

function readOne(doc: unknown): LogprobsDocument | { error: string } {
  if (!isObject(doc)) return { error: 'Expected a JSON object (an API response), not ' + (Array.isArray(doc) ? 'an array.' : `${typeof doc}.`) }
  if (isObject(doc.error)) return { error: `This response is an error: ${String(doc.error.message ?? JSON.stringify(doc.error))}` }
  try {
    if (Array.isArray(doc.choices)) return readChoices(doc.choices)
    if (Array.isArray(doc.output)) return readResponses(doc.output)
    if (Array.isArray(doc.completion_probabilities)) return readLlamaCpp(doc.completion_probabilities)
    if ('logprobs' in doc || 'done' in doc) return { format: 'Ollama', tokens: doc.logprobs == null ? [] : entryList(doc.logprobs, 'logprobs') }
  } catch (err) {
    if (err instanceof ShapeError) return { error: err.message }
    throw err
  }
  return { error: 'This JSON is not a response format the lab knows: expected "choices" (OpenAI Chat Completions, vLLM), "output" (OpenAI Responses), "completion_probabilities" (llama.cpp) or "logprobs" (Ollama).' }
}

/** A response whose shape is wrong at a named place. */
class ShapeError extends Error {}

function readChoices(choices: unknown[]): LogprobsDocument {
  const choice = choices[0]
  if (choice === undefined) return { format: 'OpenAI Chat Completions', tokens: [] }
  if (!isObject(choice)) throw new ShapeError('choices[0] is not an object.')
  const lp = choice.logprobs
  if (lp == null) return { format: 'OpenAI Chat Completions', tokens: [] }
  if (!isObject(lp)) throw new ShapeError('choices[0].logprobs is not an object.')
  if ('content' in lp || 'refusal' in lp) {
    return { format: 'OpenAI Chat Completions', tokens: lp.content == null ? [] : entryList(lp.content, 'choices[0].logprobs.content') }
  }
  if (Array.isArray(lp.tokens)) {
    const tokens = lp.tokens
    const values = Array.isArray(lp.token_logprobs) ? lp.token_logprobs : []
    const tops = Array.isArray(lp.top_logprobs) ? lp.top_logprobs : []
    return {
      format: 'Completions (legacy)',
      tokens: tokens.map((t, i) => {
        const where = `choices[0].logprobs.tokens[${i}]`
        if (typeof t !== 'string') throw new ShapeError(`${where} is not a string.`)
        const top = tops[i]
        return {
          token: t,
          logprob: values[i] == null ? null : logprobAt(values[i], `choices[0].logprobs.token_logprobs[${i}]`),
          top: isObject(top) ? Object.entries(top).map(([token, v]) => ({ token, logprob: logprobAt(v, `choices[0].logprobs.top_logprobs[${i}]["${token}"]`) })) : [],
        }
      }),
    }
  }
  throw new ShapeError('choices[0].logprobs has neither "content" (chat) nor "tokens" (completions).')
}

function readResponses(output: unknown[]): LogprobsDocument {
  const tokens: LogprobToken[] = []
  output.forEach((item, i) => {
    if (!isObject(item) || !Array.isArray(item.content)) return
    item.content.forEach((part, j) => {
      if (isObject(part) && part.type === 'output_text' && Array.isArray(part.logprobs)) tokens.push(...entryList(part.logprobs, `output[${i}].content[${j}].logprobs`))
    })
  })
  return { format: 'OpenAI Responses', tokens }
}

function readLlamaCpp(list: unknown[]): LogprobsDocument {
  let post = false
  const tokens = list.map((e, i): LogprobToken => {
    const where = `completion_probabilities[${i}]`
    if (!isObject(e)) throw new ShapeError(`${where} is not an object.`)
    // Older servers: {content, probs: [{tok_str, prob}]}.
    if (Array.isArray(e.probs) && !('token' in e)) {
      const top = e.probs.map((p, j) => {
        if (!isObject(p) || typeof p.tok_str !== 'string') throw new ShapeError(`${where}.probs[${j}] has no "tok_str".`)
        return { token: p.tok_str, logprob: probToLog(p.prob, `${where}.probs[${j}].prob`) }
      })
      const token = typeof e.content === 'string' ? e.content : ''
      post = true
      return { token, logprob: top.find((a) => a.token === token)?.logprob ?? null, top }
    }
    if ('prob' in e || 'top_probs' in e) {
      post = true
      const top = (Array.isArray(e.top_probs) ? e.top_probs : []).map((p, j) => {
        if (!isObject(p) || typeof p.token !== 'string') throw new ShapeError(`${where}.top_probs[${j}] has no "token".`)
        return { token: p.token, logprob: probToLog(p.prob, `${where}.top_probs[${j}].prob`) }
      })
      if (typeof e.token !== 'string') throw new ShapeError(`${where} has no "token".`)
      return { token: e.token, logprob: e.prob == null ? null : probToLog(e.prob, `${where}.prob`), top }
    }
    return entry(e, where)
  })
  return { format: 'llama.cpp server', tokens, ...(post ? { postSampling: true } : {}) }
}

/** A list of {token, logprob, top_logprobs} entries (OpenAI chat, Responses, Ollama, llama.cpp). */
function entryList(list: unknown, where: string): LogprobToken[] {
  if (!Array.isArray(list)) throw new ShapeError(`${where} is not a list.`)
  return list.map((e, i) => entry(e, `${where}[${i}]`))
}

function entry(e: unknown, where: string): LogprobToken {
  if (!isObject(e)) throw new ShapeError(`${where} is not an object.`)
  const token = tokenText(e, where)
  const top = e.top_logprobs == null ? [] : e.top_logprobs
  if (!Array.isArray(top)) throw new ShapeError(`${where}.top_logprobs is not a list.`)
  return {
    token,
    logprob: e.logprob == null ? null : logprobAt(e.logprob, `${where}.logprob`),
    top: top.map((a, j) => {
      if (!isObject(a)) throw new ShapeError(`${where}.top_logprobs[${j}] is not an object.`)
      return { token: tokenText(a, `${where}.top_logprobs[${j}]`), logprob: logprobAt(a.logprob, `${where}.top_logprobs[${j}].logprob`) }
    }),
  }
}

/** The token's text; from its UTF-8 bytes when it is whole characters there and the text is missing. */
function tokenText(e: Json, where: string): string {
  if (typeof e.token === 'string') return e.token
  if (Array.isArray(e.bytes) && e.bytes.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) return new TextDecoder().decode(new Uint8Array(e.bytes as number[]))
  throw new ShapeError(`${where} has no "token" text.`)
}

function logprobAt(v: unknown, where: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new ShapeError(`${where} is not a number (${JSON.stringify(v)}).`)
  if (v > 1e-9) throw new ShapeError(`${where} is ${v}; a log-probability is at most 0.`)
  return Math.min(v, 0)
}

function probToLog(v: unknown, where: string): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1 + 1e-9)) throw new ShapeError(`${where} is not a probability from 0 to 1 (${JSON.stringify(v)}).`)
  return Math.log(Math.min(v, 1))
}
