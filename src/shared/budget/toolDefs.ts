// Tool (function) definitions as the APIs take them, read from JSON with messages that name
// the line, and counted by OpenAI's cookbook method for function definitions.
import type { TokenizerId } from '../tokenizer/tokenizerId'
import { placeOf, readJson } from './jsonProblem'

/** One tool, in the shape chat templates receive (OpenAI's chat completions form). */
export interface ToolDef {
  type: 'function'
  function: { name: string; description?: string; parameters?: Record<string, unknown> }
}

/** The formats a tools list can come in. */
export type ToolsFormat = 'openai' | 'openai-responses' | 'functions' | 'anthropic'

/** Tools read from JSON, or the problems found (each naming its line). */
export type ToolsReading = { ok: true; tools: ToolDef[]; format: ToolsFormat | null } | { ok: false; problems: string[] }

/** Longest tools text read (characters). */
export const MAX_TOOLS_CHARS = 1_000_000

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Start offsets of the elements of the array that opens at `open` (a light scan that skips strings). */
function elementStarts(text: string, open: number): number[] {
  const starts: number[] = []
  let depth = 0
  let expectValue = true
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      if (depth === 1 && expectValue) starts.push(i)
      expectValue = false
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      continue
    }
    if (' \t\r\n'.includes(c)) continue
    if (c === '[' || c === '{') {
      if (depth === 1 && expectValue) starts.push(i)
      depth++
      expectValue = c === '['
      if (depth === 1) expectValue = true
      continue
    }
    if (c === ']' || c === '}') {
      depth--
      if (depth === 0) break
      continue
    }
    if (c === ',') {
      if (depth === 1) expectValue = true
      continue
    }
    if (depth === 1 && expectValue) starts.push(i)
    expectValue = false
  }
  return starts
}

/**
 * Reads a tools list from JSON: OpenAI's chat completions `tools` (`{type: "function",
 * function: {...}}`), OpenAI's Responses form (`{type: "function", name, ...}`), a bare list
 * of functions (`{name, description, parameters}`, as the older `functions` field), or
 * Anthropic's (`{name, description, input_schema}`); or a request body holding `tools` or
 * `functions`. Empty text is no tools. Problems name the line where the tool starts.
 */
export function readTools(text: string): ToolsReading {
  if (text.trim() === '') return { ok: true, tools: [], format: null }
  if (text.length > MAX_TOOLS_CHARS) return { ok: false, problems: [`The tools are over ${MAX_TOOLS_CHARS.toLocaleString('en')} characters; shorten them.`] }
  const json = readJson(text)
  if (!json.ok) return { ok: false, problems: [json.message] }
  let list = json.value
  let where = 'line 1'
  if (isObject(list)) {
    const key = Array.isArray(list.tools) ? 'tools' : Array.isArray(list.functions) ? 'functions' : null
    if (key === null) {
      if (typeof list.name === 'string' || isObject(list.function)) list = [list]
      else return { ok: false, problems: ['Line 1: expected a list of tools ([ ... ]) or an object with a "tools" list.'] }
    } else list = list[key]
  }
  if (!Array.isArray(list)) return { ok: false, problems: [`Line 1: expected a list of tools ([ ... ]), not ${typeof list === 'string' ? 'a string' : String(list)}.`] }
  // Where each tool starts, for messages (found in the root list, or the "tools"/"functions" one).
  const root = text.search(/\S/)
  let open = text[root] === '[' ? root : -1
  if (open < 0) {
    const key = /"(tools|functions)"\s*:\s*\[/.exec(text)
    open = key ? key.index + key[0].length - 1 : -1
  }
  const starts = open >= 0 ? elementStarts(text, open) : []
  const problems: string[] = []
  const tools: ToolDef[] = []
  const formats = new Set<ToolsFormat>()
  list.forEach((raw: unknown, k) => {
    where = starts[k] !== undefined ? `line ${placeOf(text, starts[k]).line}` : `tool ${k + 1}`
    const label = `Tool ${k + 1} (${where})`
    if (!isObject(raw)) return problems.push(`${label}: expected an object with a name, not ${JSON.stringify(raw)?.slice(0, 40)}.`)
    let fn: Record<string, unknown>
    let params: unknown
    if (isObject(raw.function)) {
      if (raw.type !== undefined && raw.type !== 'function') problems.push(`${label}: "type" must be "function" (it is ${JSON.stringify(raw.type)}).`)
      fn = raw.function
      params = fn.parameters
      formats.add('openai')
    } else if ('input_schema' in raw) {
      fn = raw
      params = raw.input_schema
      formats.add('anthropic')
    } else {
      fn = raw
      params = raw.parameters
      if (raw.type !== undefined && raw.type !== 'function') return problems.push(`${label}: only function tools are counted (this one's type is ${JSON.stringify(raw.type)}).`)
      formats.add(raw.type === 'function' ? 'openai-responses' : 'functions')
    }
    if (typeof fn.name !== 'string' || fn.name === '') return problems.push(`${label}: it has no "name" (a string).`)
    if (fn.description !== undefined && typeof fn.description !== 'string') problems.push(`${label} "${fn.name}": "description" must be a string.`)
    if (params !== undefined && !isObject(params)) return problems.push(`${label} "${fn.name}": its parameters must be a JSON Schema object.`)
    if (isObject(params) && params.properties !== undefined && !isObject(params.properties)) problems.push(`${label} "${fn.name}": "properties" must be an object.`)
    const def: ToolDef['function'] = { name: fn.name }
    if (typeof fn.description === 'string') def.description = fn.description
    if (isObject(params)) def.parameters = params
    tools.push({ type: 'function', function: def })
  })
  if (problems.length) return { ok: false, problems }
  if (formats.size > 1) return { ok: false, problems: [`The list mixes tool formats (${[...formats].join(', ')}): use one API's format.`] }
  return { ok: true, tools, format: [...formats][0] ?? null }
}

/** The cookbook's constants for one model family. */
interface CookbookConstants {
  funcInit: number
  propInit: number
  propKey: number
  enumInit: number
  enumItem: number
  funcEnd: number
}

/** The source of OpenAI's method for counting function definitions, and when it was checked. */
export const OPENAI_TOOLS_SOURCE = 'https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken#6-counting-tokens-for-chat-completions-with-tool-calls'
/** When the cookbook method was checked. */
export const OPENAI_TOOLS_CHECKED = '2026-12-07'

const GPT4O: CookbookConstants = { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 }
const GPT35: CookbookConstants = { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 }

/** Tools' tokens by OpenAI's cookbook: the total (with the list's fixed end) and each tool's own. */
export interface ToolsCount {
  total: number
  perTool: number[]
}

/**
 * Counts function definitions by OpenAI's cookbook (num_tokens_for_tools): per function 7
 * (GPT-4o family, o200k) or 10 (gpt-3.5-turbo, gpt-4: cl100k) + the tokens of
 * "name:description"; if it has properties, 3, then per property 3 + "name:type:description"
 * (a final "." dropped), with an enum -3 + 3 and its tokens per value; 12 for the list.
 * OpenAI says the method is an estimate: nested objects and other schema keys are not counted.
 */
export function countToolsCookbook(tools: readonly ToolDef[], encoding: TokenizerId, encode: (text: string) => ArrayLike<number>): ToolsCount {
  if (!tools.length) return { total: 0, perTool: [] }
  const c = encoding === 'o200k_base' || encoding === 'o200k_harmony' ? GPT4O : GPT35
  const len = (text: string) => encode(text).length
  const noDot = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s)
  const perTool = tools.map(({ function: f }) => {
    let n = c.funcInit + len(`${f.name}:${noDot(f.description ?? '')}`)
    const props = isObject(f.parameters?.properties) ? (f.parameters.properties as Record<string, unknown>) : {}
    const keys = Object.keys(props)
    if (keys.length) {
      n += c.propInit
      for (const key of keys) {
        const p = isObject(props[key]) ? (props[key] as Record<string, unknown>) : {}
        n += c.propKey
        if (Array.isArray(p.enum)) {
          n += c.enumInit
          for (const item of p.enum) n += c.enumItem + len(String(item))
        }
        const type = typeof p.type === 'string' ? p.type : Array.isArray(p.type) ? p.type.join(',') : ''
        n += len(`${key}:${type}:${noDot(typeof p.description === 'string' ? p.description : '')}`)
      }
    }
    return n
  })
  return { total: perTool.reduce((s, n) => s + n, 0) + c.funcEnd, perTool }
}

