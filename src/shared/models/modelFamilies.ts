import type { ModelInfo } from './models'

/** A named group of models for the model picker ("GPT-4o": gpt-4o, gpt-4o-mini, their dated snapshots). */
export interface ModelGroup {
  family: string
  models: ModelInfo[]
}

/** Families in picker order (newest first), each with the test that claims a model name; the first match wins. */
const FAMILIES: { family: string; test: RegExp }[] = [
  { family: 'Audio, realtime and transcription', test: /audio|realtime|transcribe|whisper/ },
  { family: 'GPT-5', test: /^gpt-5/ },
  { family: 'GPT-4.5', test: /^gpt-4\.5/ },
  { family: 'GPT-4.1', test: /^gpt-4\.1/ },
  { family: 'GPT-4o', test: /^(chatgpt-)?gpt-4o|^chatgpt-4o/ },
  { family: 'o-series (reasoning)', test: /^o\d/ },
  { family: 'gpt-oss (open weights)', test: /^gpt-oss/ },
  { family: 'GPT-4', test: /^gpt-4(-|$)/ },
  { family: 'GPT-3.5', test: /^gpt-3\.5/ },
  { family: 'Codex', test: /codex|^code-/ },
  { family: 'GPT-3 and older (completions, search, embeddings)', test: /^(ada|babbage|curie|davinci|text-|gpt-?2$)/ },
  { family: 'Claude (approximate counts)', test: /^claude/ },
  { family: 'Llama', test: /^llama/ },
  { family: 'Qwen', test: /^qwen/ },
  { family: 'DeepSeek', test: /^deepseek/ },
  { family: 'Gemma', test: /^gemma/ },
  { family: 'Mistral', test: /mistral/ },
]

/** The order of the families in the picker; models no family claims come last, as "Other". */
const ORDER = [
  'GPT-5',
  'GPT-4.5',
  'GPT-4.1',
  'GPT-4o',
  'o-series (reasoning)',
  'gpt-oss (open weights)',
  'GPT-4',
  'GPT-3.5',
  'Audio, realtime and transcription',
  'Codex',
  'GPT-3 and older (completions, search, embeddings)',
  'Claude (approximate counts)',
  'Llama',
  'Qwen',
  'DeepSeek',
  'Gemma',
  'Mistral',
  'Other',
]

/** The family a model name belongs to ("gpt-4o-mini-2024-07-18" → "GPT-4o"); "Other" when none fits. */
export function modelFamily(name: string): string {
  const n = name.toLowerCase()
  return FAMILIES.find((f) => f.test.test(n))?.family ?? 'Other'
}

/** The models grouped by family, families in picker order, models in their given order; empty families left out. */
export function groupModels(models: readonly ModelInfo[]): ModelGroup[] {
  const groups = new Map<string, ModelInfo[]>(ORDER.map((f) => [f, []]))
  for (const m of models) groups.get(modelFamily(m.name))!.push(m)
  return [...groups].filter(([, list]) => list.length > 0).map(([family, list]) => ({ family, models: list }))
}
