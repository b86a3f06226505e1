import { memo } from 'react'
import type { EncoderToken } from '@shared/embeddings/encoder'
import { tokenColourSlot } from '@shared/display/palette'

/** Each sentence's tokens as the encoder's own SentencePiece tokenizer splits it, coloured as in the editor, with its count. */
export const SentenceTokens = memo(function SentenceTokens({ sentences, tokens }: { sentences: string[]; tokens: EncoderToken[][] }) {
  return (
    <ol className="embeddings-tokens">
      {sentences.map((s, i) => (
        <li key={i}>
          <span className="embeddings-count">
            {tokens[i].length} {tokens[i].length === 1 ? 'token' : 'tokens'}
          </span>
          <span className="sr-only">{`Sentence ${i + 1} as tokens: ${tokens[i].map((t) => t.text.trim() || '(space)').join(' | ')}`}</span>
          <span className="embeddings-token-line" aria-hidden="true">
            {tokens[i].map((t, k) => (
              <span key={k} className={`tok tok-c${tokenColourSlot(k)}`} title={`id ${t.id}`}>
                {t.text}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ol>
  )
})
