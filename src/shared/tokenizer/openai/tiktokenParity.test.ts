// Every id the app produces equals tiktoken's, for every encoding and any text (issue 17):
// special-token tables, the character classes of the split patterns, white space,
// contractions, the byte-order mark, and a seeded differential fuzz over every plane.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENCODING_NAMES, type EncodingName } from './encodings'
import { loadEncoding, type LoadedEncoding } from './encodingLoader'
import { isLetter, isSpace, isWordPart } from './splitPatterns'
import { freeOracles, harmonyExtraSpecials, oracleFor, oracleOrdinary, oracleWithSpecial } from '../../testing/oracle'
import { tokenizeAll } from '../../document/tokenize'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
})
afterAll(() => freeOracles())

/** tiktoken's special tokens for `name` (harmony: o200k_base's and OpenAI's published extras). */
async function tiktokenSpecials(name: EncodingName): Promise<Map<string, number>> {
  const file = name === 'o200k_harmony' ? 'o200k_base' : name
  const json = (await import(`../../../../node_modules/tiktoken/encoders/${file}.json`)) as { special_tokens: Record<string, number> }
  const table = { ...json.special_tokens, ...(name === 'o200k_harmony' ? harmonyExtraSpecials() : {}) }
  return new Map(Object.entries(table))
}

/** Our ids for `text` (whole-document path: chunks, cache, spans) in text mode, checked to tile. */
function ours(name: EncodingName, text: string, mode: 'text' | 'special' = 'text'): number[] {
  return Array.from(tokenizeAll(text, encodings.get(name)!, mode).table.ids)
}

describe('special tokens', () => {
  it.each(ENCODING_NAMES)('%s: the set and ids equal tiktoken', async (name) => {
    const enc = encodings.get(name)!
    const expected = await tiktokenSpecials(name)
    expect(new Map(enc.specialTokens)).toEqual(expected)
    if (name === 'o200k_base') {
      expect(enc.specialTokens.get('<|endofprompt|>')).toBe(200018)
      expect(enc.specialTokens.has('<|fim_prefix|>')).toBe(false)
    }
  })

  it.each(ENCODING_NAMES)('%s: every special token in special mode gives tiktoken ids, and spans tile the text', async (name) => {
    const enc = encodings.get(name)!
    const names = [...(await tiktokenSpecials(name)).keys()]
    // Each name between words, glued to words, and next to the other names; plus names that
    // other encodings have (they stay text here).
    const foreign = ['<|fim_prefix|>', '<|im_start|>', '<|endofprompt|>', '<|reserved_200018|>', '<|start|>', '<|not_a_token|>']
    const text = names.map((s, i) => (i % 3 === 0 ? `w${i} ${s}` : i % 3 === 1 ? `${s}x` : s)).join('') + ' ' + foreign.join(' a')
    const { table } = tokenizeAll(text, enc, 'special')
    expect(Array.from(table.ids)).toEqual(oracleWithSpecial(name, text))
    expect(table.starts[table.ids.length]).toBe(text.length)
  })

  it("o200k_harmony: <|reserved_200018|> is 200018 (as <|endofprompt|> is) and does not throw", () => {
    const enc = encodings.get('o200k_harmony')!
    for (const text of ['<|reserved_200018|>', 'a <|reserved_200018|> b <|endofprompt|>', '<|reserved_200018|><|reserved_200018|>']) {
      const { table } = tokenizeAll(text, enc, 'special')
      expect(Array.from(table.ids)).toEqual(oracleWithSpecial('o200k_harmony', text))
      const i = Array.from(table.ids).indexOf(200018)
      expect(text.slice(table.starts[i], table.starts[i + 1])).toBe(text.startsWith('a') ? '<|reserved_200018|>' : '<|reserved_200018|>')
    }
  })
})

describe('reported differences', () => {
  const cases: [EncodingName, string][] = [
    ['cl100k_base', '\ufeff'],
    ['o200k_base', '\ufeff\u540d'],
    ['r50k_base', "\ufeff's"],
    ['o200k_base', "\u0085'a"],
    ['o200k_base', " I'\u017f"],
    ['o200k_base', "\u088f's"],
    ['cl100k_base', "a\ua7ce's"],
    ['o200k_base', "\u1acf's x\u{323b0}'t"],
  ]
  it.each(cases)('%s %j equals tiktoken', (name, text) => {
    expect(ours(name, text)).toEqual(oracleOrdinary(name, text))
    expect(ours(name, text, 'special')).toEqual(oracleWithSpecial(name, text))
  })
})

let differences: number[] | undefined

/** Code points whose class (letter, word part, space) differs between the pinned tables and this JavaScript engine's (computed once). */
function engineDifferences(): number[] {
  differences ??= findEngineDifferences()
  return differences
}

function findEngineDifferences(): number[] {
  const engineLetter = /^\p{L}$/u
  const engineWordPart = /^[\p{L}\p{M}\p{N}]$/u
  const engineSpace = /^\s$/u
  const engineKind = /^(?:(\p{Lu}|\p{Lt})|(\p{Ll})|(\p{Lm}|\p{Lo}|\p{M}))$/u
  const pinnedKind = (c: string) => {
    const m = engineKind.exec(c)
    return m ? (m[1] ? 1 : m[2] ? 2 : 3) : 0
  }
  const out: number[] = []
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const c = String.fromCodePoint(cp)
    const letter = engineLetter.test(c)
    if (letter !== isLetter(cp) || engineWordPart.test(c) !== isWordPart(cp) || engineSpace.test(c) !== isSpace(cp)) out.push(cp)
    else if (letter && pinnedKind(c) === 0) out.push(cp)
  }
  return out
}

/** Texts around one character that make each class of the split patterns show in the ids. */
const PROBES = [
  (c: string) => `${c}'s`,
  (c: string) => `a${c}'S`,
  (c: string) => `A${c}'\u017f`,
  (c: string) => ` ${c}111`,
  (c: string) => `${c}\n's`,
  (c: string) => `'${c}'t`,
  (c: string) => `1${c} x`,
  (c: string) => `\u00e9${c}${c}'ll`,
  (c: string) => `x ${c} \n`,
]

describe('character classes', () => {
  let differing: number[] = []
  beforeAll(() => {
    differing = engineDifferences()
  })

  it('the pinned tables are Unicode 16: White_Space is Rust\'s, newer letters are not letters', () => {
    expect(isSpace(0x85)).toBe(true)
    expect(isSpace(0xfeff)).toBe(false)
    expect(isLetter(0xa7cb)).toBe(true) // Unicode 16
    for (const cp of [0x88f, 0xa7ce, 0x323b0]) expect(isLetter(cp)).toBe(false) // Unicode 17
    expect(isWordPart(0x1acf)).toBe(false) // a Unicode 17 mark
    // Node 20.20 has Unicode 17, so thousands differ; only U+0085 and U+FEFF where the engine agrees.
    expect(differing).toContain(0x85)
    expect(differing).toContain(0xfeff)
  })

  it.each(['r50k_base', 'cl100k_base', 'o200k_base'] as const)(
    '%s: every character the engine classes differently, and every white space, splits as in tiktoken',
    (name) => {
      const spaces = [0x1c, 0x1d, 0x1e, 0x1f, 0x180e, 0x200b, 0x2060]
      for (let cp = 0; cp < 0x3001; cp++) if (isSpace(cp) || /^\s$/u.test(String.fromCodePoint(cp))) spaces.push(cp)
      const enc = encodings.get(name)!
      const tk = oracleFor(name)
      const bad: string[] = []
      for (const cp of [...differing, ...spaces]) {
        const c = String.fromCodePoint(cp)
        for (const probe of PROBES) {
          const text = probe(c)
          const a = enc.encodeOrdinary(text)
          const b = tk.encode_ordinary(text)
          if (a.length !== b.length || a.some((id, i) => id !== b[i])) bad.push(`U+${cp.toString(16)} ${JSON.stringify(text)}`)
        }
      }
      expect(bad.slice(0, 20)).toEqual([])
    },
  )

  it.each(ENCODING_NAMES)('%s: contractions in every case (and the long s) split as in tiktoken', (name) => {
    const suffixes = ['s', 't', 're', 've', 'm', 'll', 'd']
    const variants = suffixes.flatMap((s) => {
      const out = new Set<string>()
      for (let mask = 0; mask < 1 << s.length; mask++) out.add([...s].map((ch, i) => (mask & (1 << i) ? ch.toUpperCase() : ch)).join(''))
      return [...out]
    })
    variants.push('\u017f', '\u212a', 'K', '\u0130', '\u0131')
    const around = [(v: string) => ` I'${v}`, (v: string) => ` x'${v}y`, (v: string) => `\u00c9'${v}`, (v: string) => `1'${v}`, (v: string) => ` '${v}`, (v: string) => `\u4e00'${v} `]
    for (const v of variants) {
      for (const wrap of around) expect(ours(name, wrap(v)), wrap(v)).toEqual(oracleOrdinary(name, wrap(v)))
    }
  })
})

/** One unit of a fuzz text: weighted towards what splits differently between engines. */
function unit(specials: readonly string[], differing: readonly number[]): fc.Arbitrary<string> {
  const inPlane = fc.integer({ min: 0, max: 16 }).chain((plane) => fc.integer({ min: plane * 0x10000, max: plane * 0x10000 + 0xffff }))
  const ranges = (list: [number, number][]) => fc.constantFrom(...list).chain(([lo, hi]) => fc.integer({ min: lo, max: hi }))
  const cp = (arb: fc.Arbitrary<number>) => arb.map((c) => String.fromCodePoint(c))
  const arbs: fc.WeightedArbitrary<string>[] = [
    // Any code point of any plane: assigned, unassigned, private use (planes 15, 16), noncharacters.
    { weight: 4, arbitrary: cp(inPlane) },
    // Any UTF-16 unit, lone surrogates included.
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff') },
    // Marks, letters of many scripts, digits of many scripts, emoji.
    { weight: 3, arbitrary: cp(ranges([[0x300, 0x36f], [0x1ab0, 0x1aff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f], [0x900, 0x97f], [0x1f3fb, 0x1f3ff]])) },
    { weight: 3, arbitrary: cp(ranges([[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0x1f300, 0x1faff]])) },
    { weight: 2, arbitrary: cp(ranges([[0x30, 0x39], [0x660, 0x669], [0x966, 0x96f], [0x2160, 0x2188], [0x2460, 0x249b], [0x1d7ce, 0x1d7ff]])) },
    // Characters this engine classes differently from tiktoken (Unicode 17 additions, U+0085, U+FEFF).
    { weight: 3, arbitrary: fc.constantFrom(...differing).map((c) => String.fromCodePoint(c)) },
    // Every kind of white space, the BOM, apostrophes and contraction letters, line ends.
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        ' ', '  ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029',
        '\u202f', '\u205f', '\u3000', '\u180e', '\u200b', '\u001c', '\u001f', '\ufeff', '\ufeff', "'", "'", '\u2019', 's', 'S', '\u017f',
        't', 'T', 're', 'RE', 've', 'm', 'M', 'll', 'LL', 'd', 'D', 'K', '\u212a', '/', '1', '123', 'I', 'a', 'Z', '.', '!', '\u00e9',
      ),
    },
  ]
  if (specials.length > 0) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...specials) })
  return fc.oneof(...arbs)
}

describe('differential fuzz against tiktoken (seeded)', () => {
  let differing: number[] = []
  beforeAll(() => {
    differing = engineDifferences()
  })

  it.each(ENCODING_NAMES)('%s: text and special mode equal tiktoken for random text over every plane', async (name) => {
    const specials = [...(await tiktokenSpecials(name)).keys()].slice(0, 40)
    const texts = fc.array(unit(specials, differing), { maxLength: 40 }).map((parts) => parts.join(''))
    // A BOM at the start, the end, or nowhere, besides anywhere in between.
    const withBom = fc.tuple(fc.constantFrom('', '\ufeff'), texts, fc.constantFrom('', '\ufeff')).map(([a, t, b]) => a + t + b)
    fc.assert(
      fc.property(withBom, (text) => {
        expect(ours(name, text)).toEqual(oracleOrdinary(name, text))
        expect(ours(name, text, 'special')).toEqual(oracleWithSpecial(name, text))
      }),
      { numRuns: 1500 },
    )
  })
})
