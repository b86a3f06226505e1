import { describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer } from './openaiTokenizer'
import { oracleOrdinary, oracleWithSpecial } from '../../testing/oracle'
import { FLAG_SPECIAL } from '../tokenSpans'

describe('OpenAI encodings as a Tokenizer', () => {
  it('o200k_base: ids equal tiktoken in both modes, spans tile, special tokens flagged', async () => {
    const tok = await loadOpenAiTokenizer('o200k_base')
    expect(tok.id).toBe('o200k_base')
    expect(tok.engine).toBe('openai')
    const text = 'Hi <|endoftext|> 日本 👩🏽‍💻'
    expect(Array.from(tok.tokenize(text, 'text').ids)).toEqual(oracleOrdinary('o200k_base', text))
    const special = tok.tokenize(text, 'special')
    expect(Array.from(special.ids)).toEqual(oracleWithSpecial('o200k_base', text))
    expect(special.starts[0]).toBe(0)
    expect(special.starts[special.ids.length]).toBe(text.length)
    const at = Array.from(special.ids).indexOf(199999)
    expect(special.flags[at] & FLAG_SPECIAL).toBe(FLAG_SPECIAL)
    expect(text.slice(special.starts[at], special.starts[at + 1])).toBe('<|endoftext|>')
    // Still a LoadedEncoding for today's callers.
    expect(tok.name).toBe('o200k_base')
    expect(tok.chunkCuts?.isSafeCut('a\nb', 2)).toBe(true)
  })
})
