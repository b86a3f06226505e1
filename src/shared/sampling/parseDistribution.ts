/**
 * Reading a next-token distribution typed or pasted by hand.
 *
 * Accepted forms:
 * - a list `A:0.4, B:0.2, C:0.1` (entries separated by commas or new lines; the value after the
 *   last colon; a value may end in % (40%); a token with commas, colons or edge spaces is
 *   written as a JSON string: `" the":0.4`); an entry made only of pairs separated by spaces,
 *   `A:0.4 B:0.2`, is that many entries (a token such as `New York:0.3` stays one);
 * - a JSON object `{"A": 0.4, "B": 0.2}`;
 * - a JSON array of pairs `[["A", 0.4], ["B", 0.2]]` or of objects
 *   `[{"token": "A", "prob": 0.4}]` (`prob`, `probability` or `p`; or `logprob`).
 */

/** A distribution: tokens and their probabilities (same order, summing to 1). */
export interface TokenDistribution {
  tokens: string[]
  probs: number[]
}

/** What parsing gave: the distribution, or every problem found; notes say what was adjusted. */
export type ParsedDistribution = { ok: true; distribution: TokenDistribution; notes: string[] } | { ok: false; errors: string[] }

/** Most tokens a hand-typed distribution may have. */
export const MAX_TYPED_TOKENS = 10_000
/** Sums this close to 1 count as 1 (no note). */
const SUM_TOLERANCE = 1e-6
const NOT_JSON = 'This is not valid JSON:'

/** Parses and validates a typed distribution; probabilities that do not sum to 1 are normalised, and a note says so. */
export function parseDistribution(input: string): ParsedDistribution {
  const text = input.trim()
  if (text === '') return { ok: false, errors: ['The distribution is empty: type tokens and probabilities, such as A:0.4, B:0.2.'] }
  let raw = text.startsWith('{') || text.startsWith('[') ? readJson(text) : readList(text)
  // Not JSON after all (a token such as "[" typed first): read it as a list if that works.
  if ('errors' in raw && raw.errors[0].startsWith(NOT_JSON) && !text.includes('"')) {
    const list = readList(text)
    if ('entries' in list) raw = list
  }
  if ('errors' in raw) return { ok: false, errors: raw.errors }
  return validate(raw.entries, raw.notes)
}

interface RawEntry {
  token: string
  /** As typed, for messages. */
  value: string
  prob: number
}

function readJson(text: string): { entries: RawEntry[]; notes: string[] } | { errors: string[] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return { errors: [`${NOT_JSON} ${err instanceof Error ? err.message : String(err)}`] }
  }
  const entries: RawEntry[] = []
  const errors: string[] = []
  const number = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN)
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string') entries.push({ token: item[0], value: JSON.stringify(item[1]), prob: number(item[1]) })
      else if (item && typeof item === 'object' && typeof (item as Record<string, unknown>).token === 'string') {
        const o = item as Record<string, unknown>
        const key = ['prob', 'probability', 'p'].find((k) => k in o)
        if (key) entries.push({ token: o.token as string, value: JSON.stringify(o[key]), prob: number(o[key]) })
        else if ('logprob' in o) entries.push({ token: o.token as string, value: `logprob ${JSON.stringify(o.logprob)}`, prob: number(o.logprob) <= 0 ? Math.exp(number(o.logprob)) : NaN })
        else errors.push(`Item ${i + 1} has a token but no "prob", "probability", "p" or "logprob".`)
      } else errors.push(`Item ${i + 1} is not a ["token", probability] pair or a {"token": …, "prob": …} object.`)
    })
  } else if (data && typeof data === 'object') {
    for (const [token, v] of Object.entries(data)) entries.push({ token, value: JSON.stringify(v), prob: number(v) })
  } else return { errors: ['JSON input must be an object ({"A": 0.4}) or an array ([["A", 0.4]]).'] }
  return errors.length ? { errors } : { entries, notes: [] }
}

/** A token written as a JSON string, or without spaces, colons or quotes. */
const PAIR_TOKEN = String.raw`(?:"(?:[^"\\]|\\.)*"|[^\s:"]+)`
/** A probability as typed: a decimal number, possibly in exponent form, possibly a percentage. */
const PAIR_VALUE = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?`
/** One `token:value` pair followed by spaces or the end (sticky: matched where the last one ended). */
const PAIR = new RegExp(String.raw`\s*(${PAIR_TOKEN})\s*:\s*(${PAIR_VALUE})(?=\s|$)\s*`, 'y')
/** A `name:number` inside an unquoted token, after a space: a sign of pairs meant as separate entries. */
const INNER_PAIR = new RegExp(String.raw`(?:^|\s)([^\s:"]+:${PAIR_VALUE})(?=\s|$)`)

/** The pieces of an entry made only of two or more `token:value` pairs separated by spaces, or null. */
function spaceSeparatedPairs(item: string): string[] | null {
  const pieces: string[] = []
  PAIR.lastIndex = 0
  while (PAIR.lastIndex < item.length) {
    const at = PAIR.lastIndex
    const m = PAIR.exec(item)
    if (!m) return null
    pieces.push(item.slice(at, PAIR.lastIndex).trim())
  }
  return pieces.length >= 2 ? pieces : null
}

function readList(text: string): { entries: RawEntry[]; notes: string[] } | { errors: string[] } {
  const entries: RawEntry[] = []
  const errors: string[] = []
  const notes: string[] = []
  // Split on commas and new lines outside JSON-quoted tokens.
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"' && (!quoted || text[i - 1] !== '\\' || text[i - 2] === '\\')) quoted = !quoted
    if (!quoted && (ch === ',' || ch === '\n' || ch === ';')) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  const items = parts.flatMap((part) => spaceSeparatedPairs(part.trim()) ?? [part])
  let n = 0
  for (const part of items) {
    const item = part.trim()
    if (item === '') continue
    n++
    const colon = item.lastIndexOf(':')
    if (colon < 0) {
      errors.push(`Entry ${n} ("${item}") has no colon: write token:probability.`)
      continue
    }
    let token = item.slice(0, colon).trim()
    const value = item.slice(colon + 1).trim()
    if (token.startsWith('"')) {
      try {
        const t: unknown = JSON.parse(token)
        if (typeof t !== 'string') throw new Error()
        token = t
      } catch {
        errors.push(`Entry ${n}: the quoted token ${token} is not a valid JSON string.`)
        continue
      }
    } else {
      const inner = INNER_PAIR.exec(token)
      if (inner)
        notes.push(
          `${JSON.stringify(token)} looks like more than one token:probability pair (${inner[1]}); separate entries with commas, or write the token as a JSON string if it is meant as it is.`,
        )
    }
    const percent = value.endsWith('%')
    const num = value === '' ? NaN : Number(percent ? value.slice(0, -1) : value)
    entries.push({ token, value, prob: percent ? num / 100 : num })
  }
  return errors.length ? { errors } : { entries, notes }
}

function validate(entries: RawEntry[], listNotes: string[]): ParsedDistribution {
  const errors: string[] = []
  if (entries.length === 0) return { ok: false, errors: ['The distribution is empty: type tokens and probabilities, such as A:0.4, B:0.2.'] }
  if (entries.length > MAX_TYPED_TOKENS) return { ok: false, errors: [`That is ${entries.length.toLocaleString('en-US')} tokens; the lab takes at most ${MAX_TYPED_TOKENS.toLocaleString('en-US')}.`] }
  const seen = new Map<string, number>()
  entries.forEach((e, i) => {
    const name = JSON.stringify(e.token)
    if (e.token === '') errors.push(`Entry ${i + 1} has an empty token.`)
    if (Number.isNaN(e.prob)) errors.push(`${name} has ${e.value === '' ? 'no probability' : `"${e.value}", which is not a number`}.`)
    else if (!Number.isFinite(e.prob)) errors.push(`${name} has an infinite probability.`)
    else if (e.prob < 0) errors.push(`${name} has a negative probability (${e.value}).`)
    const first = seen.get(e.token)
    if (first !== undefined) errors.push(`${name} appears twice (entries ${first + 1} and ${i + 1}); give each token once.`)
    else seen.set(e.token, i)
  })
  if (errors.length) return { ok: false, errors }
  const sum = entries.reduce((a, e) => a + e.prob, 0)
  if (!(sum > 0)) return { ok: false, errors: ['Every probability is 0: at least one token needs a probability above 0.'] }
  const notes = [...listNotes]
  if (Math.abs(sum - 1) > SUM_TOLERANCE) notes.push(`The probabilities sum to ${roundForMessage(sum)}, not 1; they were normalised (each divided by ${roundForMessage(sum)}).`)
  return { ok: true, distribution: { tokens: entries.map((e) => e.token), probs: entries.map((e) => e.prob / sum) }, notes }
}

/** A number shown with up to 6 significant digits, without trailing zeros. */
function roundForMessage(x: number): string {
  return String(Number(x.toPrecision(6)))
}

/** A distribution written back in the list form parseDistribution reads (tokens quoted where needed). */
export function formatDistribution(d: TokenDistribution): string {
  return d.tokens
    .map((t, i) => `${/^[^\s,;:"[{][^,;:"\n]*$/.test(t) && t.trim() === t ? t : JSON.stringify(t)}:${Number(d.probs[i].toPrecision(6))}`)
    .join(', ')
}
