import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLogprobs, type LogprobsDocument, type ParsedLogprobs } from './logprobs'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const ok = (r: ParsedLogprobs): LogprobsDocument => {
  if (!r.ok) throw new Error(r.error)
  return r.document
}
const errorOf = (r: ParsedLogprobs) => (r.ok ? '' : r.error)

describe('parseLogprobs: each provider’s format', () => {
  it('OpenAI Chat Completions: tokens, logprobs and top lists; -9999 reads as probability 0', () => {
    const d = ok(parseLogprobs(fixture('openai-chat.json')))
    expect(d.format).toBe('OpenAI Chat Completions')
    expect(d.tokens.map((t) => t.token).join('')).toBe('Hello there!')
    expect(d.tokens[1]).toEqual({
      token: ' there',
      logprob: -0.9734016,
      top: [
        { token: '!', logprob: -0.5734016 },
        { token: ' there', logprob: -0.9734016 },
        { token: ',', logprob: -3.2 },
      ],
    })
    expect(Math.exp(d.tokens[2].top[2].logprob)).toBe(0)
  })
  it('OpenAI Chat Completions streamed as server-sent events: the chunks joined', () => {
    const d = ok(parseLogprobs(fixture('openai-chat-stream.txt')))
    expect(d.tokens.map((t) => t.token)).toEqual(['Ok', 'ay'])
    expect(d.tokens[0].top[1]).toEqual({ token: 'Sure', logprob: -2.4 })
  })
  it('OpenAI Responses: output_text logprobs', () => {
    const d = ok(parseLogprobs(fixture('openai-responses.json')))
    expect(d.format).toBe('OpenAI Responses')
    expect(d.tokens.map((t) => [t.token, t.logprob])).toEqual([
      ['Yes', -0.0231],
      ['.', -0.41],
    ])
    expect(d.tokens[0].top).toHaveLength(2)
  })
  it('legacy Completions (vLLM /v1/completions): tokens, token_logprobs, top_logprobs maps', () => {
    const d = ok(parseLogprobs(fixture('vllm-completions.json')))
    expect(d.format).toBe('Completions (legacy)')
    expect(d.tokens[1]).toEqual({
      token: ' or',
      logprob: -2.3,
      top: [
        { token: ',', logprob: -0.6 },
        { token: ' or', logprob: -2.3 },
        { token: ' through', logprob: -2.9 },
      ],
    })
  })
  it('llama.cpp server: completion_probabilities with top_logprobs', () => {
    const d = ok(parseLogprobs(fixture('llamacpp-completion.json')))
    expect(d.format).toBe('llama.cpp server')
    expect(d.postSampling).toBeUndefined()
    expect(d.tokens.map((t) => t.token)).toEqual([' Paris', '.'])
    expect(d.tokens[1].top.map((a) => a.token)).toEqual(['.', ',', '\n'])
  })
  it('llama.cpp server with post_sampling_probs: prob and top_probs, marked as after sampling', () => {
    const d = ok(parseLogprobs(fixture('llamacpp-post-sampling.json')))
    expect(d.postSampling).toBe(true)
    expect(d.tokens[0].logprob).toBeCloseTo(Math.log(0.82), 12)
    expect(d.tokens[0].top[1].logprob).toBeCloseTo(Math.log(0.18), 12)
  })
  it('older llama.cpp servers: content and probs with tok_str', () => {
    const d = ok(parseLogprobs(fixture('llamacpp-legacy.json')))
    expect(d.tokens[0].token).toBe('B')
    expect(d.tokens[0].logprob).toBeCloseTo(Math.log(0.4418), 12)
    expect(d.tokens[0].top.map((a) => a.token)).toEqual(['B', 'C', 'A'])
  })
  it('Ollama: one response, and a stream of JSON lines', () => {
    const one = ok(parseLogprobs(fixture('ollama-generate.json')))
    expect(one.format).toBe('Ollama')
    expect(one.tokens.map((t) => t.token)).toEqual(['Hi', '!'])
    const stream = ok(parseLogprobs(fixture('ollama-stream.ndjson')))
    expect(stream.tokens).toEqual(one.tokens)
  })
  it('a token given only as bytes is decoded from them', () => {
    const d = ok(parseLogprobs(JSON.stringify({ logprobs: [{ bytes: [0xf0, 0x9f, 0xa6, 0x99], logprob: -1, top_logprobs: [] }] })))
    expect(d.tokens[0].token).toBe('🦙')
  })
})

describe('parseLogprobs: malformed input gets a message that says where', () => {
  it('empty, not JSON, wrong shapes', () => {
    expect(errorOf(parseLogprobs(''))).toMatch(/Paste an API response/)
    expect(errorOf(parseLogprobs('{"choices": ['))).toMatch(/not JSON/)
    expect(errorOf(parseLogprobs('[1,2]'))).toMatch(/Expected a JSON object/)
    expect(errorOf(parseLogprobs('{"foo": 1}'))).toMatch(/not a response format the lab knows/)
    expect(errorOf(parseLogprobs('{"error": {"message": "Invalid API key"}}'))).toMatch(/error: Invalid API key/)
  })
  it('a response without logprobs says how to ask for them', () => {
    const noLogprobs = JSON.parse(fixture('openai-chat.json'))
    noLogprobs.choices[0].logprobs = null
    expect(errorOf(parseLogprobs(JSON.stringify(noLogprobs)))).toMatch(/has no logprobs: ask for them/)
  })
  it('bad values name their place', () => {
    const bad = JSON.parse(fixture('openai-chat.json'))
    bad.choices[0].logprobs.content[1].top_logprobs[2].logprob = 'x'
    expect(errorOf(parseLogprobs(JSON.stringify(bad)))).toBe('choices[0].logprobs.content[1].top_logprobs[2].logprob is not a number ("x").')
    bad.choices[0].logprobs.content[1].top_logprobs[2].logprob = 0.5
    expect(errorOf(parseLogprobs(JSON.stringify(bad)))).toMatch(/is 0.5; a log-probability is at most 0/)
    delete bad.choices[0].logprobs.content[0].token
    delete bad.choices[0].logprobs.content[0].bytes
    expect(errorOf(parseLogprobs(JSON.stringify(bad)))).toBe('choices[0].logprobs.content[0] has no "token" text.')
    expect(errorOf(parseLogprobs('{"completion_probabilities": [{"token": "a", "prob": 3}]}'))).toMatch(/not a probability from 0 to 1/)
    expect(errorOf(parseLogprobs('{"choices": [{"logprobs": {"weird": 1}}]}'))).toMatch(/neither "content"/)
  })
  it('a broken line in a stream is reported', () => {
    const lines = fixture('ollama-stream.ndjson').split('\n')
    lines[1] = lines[1].slice(0, 30)
    expect(errorOf(parseLogprobs(lines.join('\n')))).toMatch(/not JSON/)
  })
  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => void parseLogprobs(s)))
    fc.assert(
      fc.property(fc.anything(), (v) => {
        void parseLogprobs(JSON.stringify({ choices: [{ logprobs: { content: v } }] }) ?? '')
        void parseLogprobs(JSON.stringify({ completion_probabilities: [v] }) ?? '')
        void parseLogprobs(JSON.stringify({ logprobs: v }) ?? '')
      }),
    )
  })
})
