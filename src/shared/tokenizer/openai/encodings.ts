/** The BPE encodings the app offers, in the order the picker lists them. */
export const ENCODING_NAMES = [
  'r50k_base',
  'p50k_base',
  'p50k_edit',
  'cl100k_base',
  'o200k_base',
  'o200k_harmony',
] as const

/** Name of one of the supported encodings. */
export type EncodingName = (typeof ENCODING_NAMES)[number]

/** The encoding a new user starts with (GPT-4o and later). */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base'

/** Short human descriptions shown next to each encoding name. */
export const ENCODING_DESCRIPTIONS: Record<EncodingName, string> = {
  r50k_base: 'GPT-3, GPT-2',
  p50k_base: 'Codex, text-davinci-002/003',
  p50k_edit: 'text-davinci-edit',
  cl100k_base: 'GPT-4, GPT-3.5, embeddings',
  o200k_base: 'GPT-4o, GPT-4.1, o-series, GPT-5',
  o200k_harmony: 'gpt-oss (harmony format)',
}

/** True when `value` names a supported encoding. */
export function isEncodingName(value: unknown): value is EncodingName {
  return typeof value === 'string' && (ENCODING_NAMES as readonly string[]).includes(value)
}
