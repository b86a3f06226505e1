import type { LoadedEncoding } from '../tokenizer/openai/encodingLoader'

/** The tokenizer worker's tokenBytes request, answered in-process from `enc` (null for an id it lacks): for tests. */
export function tokenBytesClient(enc: LoadedEncoding) {
  return {
    tokenBytes: async (_encoding: unknown, ids: number[]) =>
      ids.map((id) => {
        try {
          return enc.tokenBytes(id)
        } catch {
          return null
        }
      }),
  }
}
