import { DEFAULT_TOKENIZER, isTokenizerId, isUserTokenizerId, type TokenizerId } from '../tokenizer/tokenizerId'
import { MAX_CUSTOM_LIMIT } from '../models/limits'
import { isSpecialMode, type SpecialMode } from '../tokenizer/specialTokens'
import { isPrice, MAX_PRICE_PER_MILLION, type Price } from '../models/prices'

/** Which limit dims the tokens past it. */
export type ActiveLimit = 'l1024' | 'l4096' | 'model' | 'custom'

/** The colour theme: follow the system, or always light or dark. */
export type Theme = 'system' | 'light' | 'dark'

/** The themes in the order menus list them. */
export const THEMES: readonly Theme[] = ['system', 'light', 'dark']

/** The on/off view settings (toolbar checkboxes and View menu items). */
export type ViewToggle = 'showWhitespace' | 'showIds' | 'showDensity' | 'wrapLines' | 'lineNumbers' | 'showSampling' | 'showTrainer' | 'showEmbeddings' | 'showLanguages'

/** The user's choices, saved across restarts. */
export interface Settings {
  /**
   * The tokenizer chosen: a catalog id, or a tokenizer opened from a file ('file: …', read
   * again at start: see settingsForStart). The field keeps its old name so saved settings read.
   */
  encoding: TokenizerId
  /** A model name from gpt-tokenizer's list, or null for "encoding only". */
  model: string | null
  specialMode: SpecialMode
  showWhitespace: boolean
  showIds: boolean
  /** The strip beside the text coloured by characters per token. */
  showDensity: boolean
  /** Wrap long lines (off: very long lines scroll sideways and edit faster). */
  wrapLines: boolean
  /** Line numbers beside the text (limits say on which line they cut). */
  lineNumbers: boolean
  /** The sampling lab panel is open. */
  showSampling: boolean
  /** The Train a tokenizer panel is open. */
  showTrainer: boolean
  /** The embeddings lab panel is open. */
  showEmbeddings: boolean
  /** The Languages lab panel is open. */
  showLanguages: boolean
  theme: Theme
  customLimit: number | null
  activeLimit: ActiveLimit
  /** Prices the user set, per model name ('' for no model); they replace the dated table's. */
  prices: Record<string, Price>
  /** Reply tokens priced on top of the prompt (at the output price). */
  replyReserve: number
}

/** Settings for a first start. */
export const DEFAULT_SETTINGS: Settings = {
  encoding: DEFAULT_TOKENIZER,
  model: null,
  specialMode: 'text',
  showWhitespace: false,
  showIds: false,
  showDensity: true,
  wrapLines: true,
  lineNumbers: true,
  showSampling: false,
  showTrainer: false,
  showEmbeddings: false,
  showLanguages: false,
  theme: 'system',
  customLimit: null,
  activeLimit: 'l4096',
  prices: {},
  replyReserve: 0,
}

/** Most models with prices of the user's own that are kept (a bigger saved list is cut). */
export const MAX_PRICE_EDITS = 500

/** The valid entries of saved prices (at most MAX_PRICE_EDITS, names under 200 characters). */
function parsePrices(raw: unknown): Record<string, Price> {
  const out: Record<string, Price> = {}
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out
  for (const [name, value] of Object.entries(raw).slice(0, MAX_PRICE_EDITS)) {
    if (name.length < 200 && isPrice(value)) out[name] = { input: value.input, output: value.output }
  }
  return out
}

const ACTIVE_LIMITS: readonly ActiveLimit[] = ['l1024', 'l4096', 'model', 'custom']

/**
 * Reads saved settings, keeping each valid field and using the default for anything
 * missing, mistyped or malformed (a corrupt file never stops the app).
 */
export function parseSettings(json: string | null): Settings {
  if (!json) return { ...DEFAULT_SETTINGS }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS }
  const r = raw as Record<string, unknown>
  const s = { ...DEFAULT_SETTINGS }
  if (isTokenizerId(r.encoding) || isUserTokenizerId(r.encoding)) s.encoding = r.encoding
  if (typeof r.model === 'string' && r.model.length > 0 && r.model.length < 200) s.model = r.model
  if (isSpecialMode(r.specialMode)) s.specialMode = r.specialMode
  if (typeof r.showWhitespace === 'boolean') s.showWhitespace = r.showWhitespace
  if (typeof r.showIds === 'boolean') s.showIds = r.showIds
  // Saved before the strip had its own name (0.1.0 wrote `showCost`): carry it over.
  if (typeof r.showDensity === 'boolean') s.showDensity = r.showDensity
  else if (typeof r.showCost === 'boolean') s.showDensity = r.showCost
  if (typeof r.wrapLines === 'boolean') s.wrapLines = r.wrapLines
  if (typeof r.lineNumbers === 'boolean') s.lineNumbers = r.lineNumbers
  if (typeof r.showSampling === 'boolean') s.showSampling = r.showSampling
  if (typeof r.showTrainer === 'boolean') s.showTrainer = r.showTrainer
  if (typeof r.showEmbeddings === 'boolean') s.showEmbeddings = r.showEmbeddings
  if (typeof r.showLanguages === 'boolean') s.showLanguages = r.showLanguages
  if (THEMES.includes(r.theme as Theme)) s.theme = r.theme as Theme
  if (typeof r.customLimit === 'number' && Number.isInteger(r.customLimit) && r.customLimit >= 1 && r.customLimit <= MAX_CUSTOM_LIMIT) {
    s.customLimit = r.customLimit
  }
  if (ACTIVE_LIMITS.includes(r.activeLimit as ActiveLimit)) s.activeLimit = r.activeLimit as ActiveLimit
  if ('prices' in r) s.prices = parsePrices(r.prices)
  if (typeof r.replyReserve === 'number' && Number.isInteger(r.replyReserve) && r.replyReserve >= 0 && r.replyReserve <= MAX_CUSTOM_LIMIT) s.replyReserve = r.replyReserve
  // One lab at a time: of several saved open, the first in LAB_TOGGLES stays.
  const open = LAB_TOGGLES.find((k) => s[k])
  return open ? withToggle(s, open, true) : s
}

/** The labs: each takes the one lab column between the editor and the sidebar, so one is open at a time. */
export const LAB_TOGGLES = ['showSampling', 'showTrainer', 'showEmbeddings', 'showLanguages'] as const satisfies readonly ViewToggle[]

/** `settings` with view toggle `key` set to `on`; opening a lab closes the others. */
export function withToggle(settings: Settings, key: ViewToggle, on: boolean): Settings {
  const next = { ...settings, [key]: on }
  if (on && (LAB_TOGGLES as readonly ViewToggle[]).includes(key)) for (const lab of LAB_TOGGLES) if (lab !== key) next[lab] = false
  return next
}

/** Settings read back, with what could not be kept. */
export interface SettingsReport {
  settings: Settings
  /** Messages for the user (empty when everything saved was kept). */
  problems: string[]
}

/**
 * Reads saved settings like parseSettings, and says what was lost: the whole file when it
 * is not JSON, or each saved field whose value was invalid and was reset to its default.
 * (Fields that are missing, e.g. added in a later version, are not problems.)
 */
export function readSettings(json: string | null): SettingsReport {
  const settings = parseSettings(json)
  if (!json) return { settings, problems: [] }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { settings, problems: ['Your saved settings could not be read (the saved text is not valid JSON), so the defaults are in use.'] }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, problems: ['Your saved settings were not in the expected form, so the defaults are in use.'] }
  }
  const r = raw as Record<string, unknown>
  const priceMap = typeof r.prices === 'object' && r.prices !== null && !Array.isArray(r.prices)
  // Saved prices are read model by model (below); a prices value that is no map at all is reset like any field.
  const same = (k: keyof Settings) => (k === 'prices' ? priceMap || !('prices' in r) : r[k] === settings[k])
  // An unknown tokenizer gets its own message (a newer version's id, or a typo in a hand-edited file).
  const unknownTokenizer = typeof r.encoding === 'string' && !isTokenizerId(r.encoding) && !isUserTokenizerId(r.encoding)
  const reset = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter((k) => k in r && !same(k) && !(k === 'encoding' && unknownTokenizer))
  const problems = unknownTokenizer
    ? [`The saved tokenizer "${(r.encoding as string).slice(0, 60)}" is not one this version has, so ${DEFAULT_TOKENIZER} is in use.`]
    : []
  if (reset.length) problems.push(`Some saved settings were not valid and were reset to their defaults: ${reset.join(', ')}. The others were kept.`)
  if (priceMap) {
    const dropped = Object.keys(r.prices as object).filter((name) => !(name in settings.prices))
    const named = dropped.slice(0, 5).map((n) => (n === '' ? '(no model)' : n.slice(0, 60)))
    if (dropped.length > 0) {
      problems.push(`Saved prices for ${named.join(', ')}${dropped.length > 5 ? ` and ${dropped.length - 5} more` : ''} were not valid (each needs an input and an output price from 0 to ${MAX_PRICE_PER_MILLION.toLocaleString('en-US')} dollars per million tokens) and were removed; the dated table's prices apply there.`)
    }
  }
  return { settings, problems }
}

/** The settings a window starts with, and the tokenizer file to read again before it counts with it. */
export interface StartSettings {
  settings: Settings
  /** The saved tokenizer when it came from a file ('file: …'): to restore; meanwhile `settings` count with the default. */
  restoreTokenizer: TokenizerId | null
}

/**
 * Settings at start-up. A tokenizer opened from a file is not known until its file is read
 * again (an id saved by an earlier run names nothing yet): the window counts with the
 * default tokenizer meanwhile, and says which file to restore. Catalog ids start as saved.
 */
export function settingsForStart(saved: Settings): StartSettings {
  if (!isUserTokenizerId(saved.encoding)) return { settings: saved, restoreTokenizer: null }
  return { settings: { ...saved, encoding: DEFAULT_TOKENIZER, model: null }, restoreTokenizer: saved.encoding }
}
