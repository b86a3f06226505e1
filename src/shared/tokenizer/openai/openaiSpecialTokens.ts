import type { EncodingName } from './encodings'

/**
 * The special tokens of each encoding as OpenAI defines them (tiktoken's tables; gpt-tokenizer
 * adds `<|fim_*|>` and `<|im_*|>` to o200k_base and numbers `<|endofprompt|>` 200006 there).
 * o200k_harmony is not in the tiktoken npm package; it follows OpenAI's published definition
 * (tiktoken_ext/openai_public.py): o200k_base's two, the harmony names, and
 * `<|reserved_N|>` for every N from 200013 to 201087. That makes 200018 both
 * `<|endofprompt|>` and `<|reserved_200018|>`: 1,091 names for 1,090 ids.
 */
const TABLES: Record<EncodingName, readonly (readonly [string, number])[]> = {
  r50k_base: [['<|endoftext|>', 50256]],
  p50k_base: [['<|endoftext|>', 50256]],
  p50k_edit: [
    ['<|endoftext|>', 50256],
    ['<|fim_prefix|>', 50281],
    ['<|fim_middle|>', 50282],
    ['<|fim_suffix|>', 50283],
  ],
  cl100k_base: [
    ['<|endoftext|>', 100257],
    ['<|fim_prefix|>', 100258],
    ['<|fim_middle|>', 100259],
    ['<|fim_suffix|>', 100260],
    ['<|endofprompt|>', 100276],
  ],
  o200k_base: [
    ['<|endoftext|>', 199999],
    ['<|endofprompt|>', 200018],
  ],
  o200k_harmony: [
    ['<|endoftext|>', 199999],
    ['<|endofprompt|>', 200018],
    ['<|startoftext|>', 199998],
    ['<|reserved_200000|>', 200000],
    ['<|reserved_200001|>', 200001],
    ['<|return|>', 200002],
    ['<|constrain|>', 200003],
    ['<|reserved_200004|>', 200004],
    ['<|channel|>', 200005],
    ['<|start|>', 200006],
    ['<|end|>', 200007],
    ['<|message|>', 200008],
    ['<|reserved_200009|>', 200009],
    ['<|reserved_200010|>', 200010],
    ['<|reserved_200011|>', 200011],
    ['<|call|>', 200012],
  ],
}

/** First and one-past-last id of o200k_harmony's `<|reserved_N|>` run. */
const HARMONY_RESERVED = [200013, 201088] as const

/** A new map from special-token text to id for `name`, as OpenAI defines the encoding. */
export function openaiSpecialTokens(name: EncodingName): Map<string, number> {
  const map = new Map<string, number>(TABLES[name])
  if (name === 'o200k_harmony') for (let id = HARMONY_RESERVED[0]; id < HARMONY_RESERVED[1]; id++) map.set(`<|reserved_${id}|>`, id)
  return map
}

/**
 * Id to text for decoding. Where two names share an id (o200k_harmony's 200018) the first
 * listed wins: `<|endofprompt|>`, o200k_base's name. (tiktoken builds its decoder from a hash
 * map, so which of the two it returns depends on how the table was built; the id is the same.)
 */
export function specialTokenNames(specials: ReadonlyMap<string, number>): Map<number, string> {
  const byId = new Map<number, string>()
  for (const [text, id] of specials) if (!byId.has(id)) byId.set(id, text)
  return byId
}
