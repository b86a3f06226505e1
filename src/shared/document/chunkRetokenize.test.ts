// retokenizeEditedChunk against encoding the edited chunk whole, for tokenizers with
// different cut rules (OpenAI's, Llama 3's, Gemma 3's newline runs, Mistral Nemo's guarded against cuts inside [INST]), on random edits.
import { beforeAll, describe, expect, it } from 'vitest'
import { loadTokenizer } from '../tokenizer/catalog'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { seededRandom } from '../sampling/random'
import { sourceReader } from '../testing/bundledSources'
import { makeCorpus } from '../testing/corpus'
import { retokenizeEditedChunk } from './chunkRetokenize'
import { tokenizeChunk } from './tokenize'

/** Pieces an edit inserts: letters, spaces, newlines, digits, CJK, emoji, special-token names. */
const PIECES = ['x', ' ', '\n', '[INST]', 'a b', '\n\n', '  \n', 'é', '7', '日本', '👩🏽‍💻', "'s", '<|endoftext|>', '<start_of_turn>', '\r\n', '\t', '{"k": 1}']

/** `tok` with a tally of the characters it was asked to tokenize. */
function counting(tok: Tokenizer): { tok: Tokenizer; chars: () => number } {
  let chars = 0
  const wrapped: Tokenizer = Object.create(tok)
  wrapped.tokenize = (text, mode) => {
    chars += text.length
    return tok.tokenize(text, mode)
  }
  return { tok: wrapped, chars: () => chars }
}

function plain(t: { ids: Uint32Array; starts: Uint32Array; flags: Uint8Array }) {
  return { ids: Array.from(t.ids), starts: Array.from(t.starts), flags: Array.from(t.flags) }
}

for (const id of ['o200k_base', 'cl100k_base', 'llama3', 'gemma3', 'mistral-nemo']) {
  describe(`retokenizeEditedChunk with ${id}`, () => {
    let tok: Tokenizer
    beforeAll(async () => {
      tok = await loadTokenizer(id, sourceReader)
    }, 120_000)

    for (const mode of ['text', 'special'] as SpecialMode[]) {
      it(`equals encoding the edited chunk whole, on 300 random edits (mode ${mode})`, () => {
        const random = seededRandom(id.length * 31 + mode.length)
        let text = makeCorpus(4096, 11)
        let old = tokenizeChunk(text, 0, text.length, tok, mode)
        for (let k = 0; k < 300; k++) {
          const from = Math.floor(random() * (text.length + 1))
          const to = Math.min(text.length, from + (random() < 0.6 ? 0 : Math.floor(random() * 40)))
          const insert = random() < 0.2 ? '' : PIECES[Math.floor(random() * PIECES.length)]
          const next = text.slice(0, from) + insert + text.slice(to)
          const got = retokenizeEditedChunk(old, text, next, from, to, insert.length, tok, mode)
          const want = tokenizeChunk(next, 0, next.length, tok, mode)
          expect(plain(got), `edit ${k}: [${from}, ${to}) -> ${JSON.stringify(insert)}`).toEqual(plain(want))
          expect(got.counts).toEqual(want.counts)
          text = next
          old = got
        }
      }, 120_000)
    }

    it('re-encodes only the lines around a keystroke in a chunk of many lines', () => {
      const text = Array.from({ length: 90 }, (_, i) => `Line ${i} of the prompt, with some words: ${i * 7}.`).join('\n')
      const old = tokenizeChunk(text, 0, text.length, tok, 'text')
      const spy = counting(tok)
      const random = seededRandom(7)
      const edits = 50
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(random() * text.length)
        const next = text.slice(0, at) + 'x' + text.slice(at)
        retokenizeEditedChunk(old, text, next, at, at, 1, spy.tok, 'text')
      }
      // Whole-chunk encoding would read every character of the chunk per edit.
      expect(spy.chars()).toBeLessThan((edits * text.length) / 10)
    })

    it('encodes the whole chunk when the tokenizer has no cut rule', () => {
      const text = makeCorpus(2000, 3)
      const old = tokenizeChunk(text, 0, text.length, tok, 'text')
      const spy = counting(tok)
      const noRule: Tokenizer = Object.create(spy.tok, { chunkCuts: { value: null } })
      const next = text.slice(0, 1000) + 'y' + text.slice(1000)
      const got = retokenizeEditedChunk(old, text, next, 1000, 1000, 1, noRule, 'text')
      expect(spy.chars()).toBe(next.length)
      expect(plain(got)).toEqual(plain(tokenizeChunk(next, 0, next.length, tok, 'text')))
    })
  })
}
