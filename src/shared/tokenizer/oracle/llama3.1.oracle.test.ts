// llama3.1 (Llama 3's vocabulary with Llama 3.2's tokenizer_config.json): ids, spans, chunk cuts
// and the chat template against the reference implementation built from the publisher's own
// Llama 3.2 tokenizer.json (see tokenizerOracleSuite.ts).
import { describe, expect, it } from 'vitest'
import { loadTokenizer } from '../catalog'
import { sourceReader } from '../../testing/bundledSources'
import { oracleForTokenizer } from '../../testing/tokenizerOracle'
import { tokenizerOracleSuite } from '../../testing/tokenizerOracleSuite'

tokenizerOracleSuite('llama3.1')

describe('llama3.1 special tokens', () => {
  it('names ids as Llama 3.1+ does (<|eom_id|>, <|python_tag|>), equal to the publisher file; Llama 3 keeps its reserved names', async () => {
    const tok = await loadTokenizer('llama3.1', sourceReader)
    const llama3 = await loadTokenizer('llama3', sourceReader)
    const oracle = oracleForTokenizer('llama3.1')
    const text = 'a<|eom_id|>b<|python_tag|>c<|finetune_right_pad_id|><|reserved_special_token_2|><|eot_id|>'
    expect(Array.from(tok.tokenize(text, 'special').ids)).toEqual(await oracle.encode(text, 'special'))
    expect(tok.specialTokens.get('<|eom_id|>')).toBe(128008)
    expect(tok.specialTokens.get('<|python_tag|>')).toBe(128010)
    expect(tok.specialTokens.get('<|finetune_right_pad_id|>')).toBe(128004)
    expect(llama3.specialTokens.has('<|eom_id|>')).toBe(false)
    expect(tok.specialTokens.size).toBe(llama3.specialTokens.size)
    expect(new TextDecoder().decode(tok.tokenBytes(128008))).toBe('<|eom_id|>')
    oracle.free()
  }, 60_000)
})
