// Test-only: the differential fuzz's texts (exactnessFuzz.test.ts). Units over every plane,
// weighted towards what has split or normalized differently from the references: characters
// whose class the JavaScript engine gives differently from the pinned Unicode 16 tables,
// marks and compatibility characters newer than the Hugging Face normalizers' Unicode 9.0, lone
// surrogates beside spaces, newlines and U+FFFD, white space of every kind, contractions, digits
// of many scripts, BOMs and special-token strings.
import fc from 'fast-check'
import { NORMALIZATION_KNOWN, SPLIT_CLASSES } from '../tokenizer/hf/unicodeTables.gen'

/** Texts per tokenizer and mode: FUZZ_TEXTS from the environment (npm run fuzz), else `fallback`. */
export function fuzzCount(fallback: number): number {
  const n = Number(process.env.FUZZ_TEXTS)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** True when a long run was asked for (FUZZ_TEXTS set). */
export const longFuzz = (): boolean => process.env.FUZZ_TEXTS !== undefined

let differing: number[] | undefined

/** Every code point but the surrogates, as one string (for the engine's class scans). */
function allCodePoints(): string {
  let s = ''
  const chunk: number[] = []
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    chunk.push(cp)
    if (chunk.length === 8192) {
      s += String.fromCodePoint(...chunk)
      chunk.length = 0
    }
  }
  return s + String.fromCodePoint(...chunk)
}

/**
 * Code points the JavaScript engine classes differently from the pinned tables (any general
 * category the bundled patterns use), plus those it normalizes that Unicode 9.0 did not have.
 */
export function differingCodePoints(): number[] {
  if (differing) return differing
  const out = new Set<number>()
  const all = allCodePoints()
  for (const name of ['L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'N', 'P', 'S']) {
    const engine = new Uint8Array(0x110000)
    for (const m of all.matchAll(new RegExp(`\\p{${name}}+`, 'gu'))) for (const ch of m[0]) engine[ch.codePointAt(0)!] = 1
    const pinned = new Uint8Array(0x110000)
    const r = SPLIT_CLASSES[name]
    for (let i = 0; i < r.length; i += 2) pinned.fill(1, r[i], r[i + 1] + 1)
    for (let cp = 0; cp < 0x110000; cp++) if (engine[cp] !== pinned[cp] && (cp < 0xd800 || cp > 0xdfff)) out.add(cp)
  }
  const known = new Uint8Array(0x110000)
  for (let i = 0; i < NORMALIZATION_KNOWN.length; i += 2) known.fill(1, NORMALIZATION_KNOWN[i], NORMALIZATION_KNOWN[i + 1] + 1)
  for (let cp = 0; cp < 0x110000; cp++) {
    if (known[cp] || (cp >= 0xd800 && cp <= 0xdfff)) continue
    const s = String.fromCodePoint(cp)
    if (s.normalize('NFKD') !== s || ('\u0345' + s).normalize('NFD') !== '\u0345' + s) out.add(cp)
  }
  differing = [...out].sort((a, b) => a - b)
  return differing
}

/** One unit of a fuzz text. */
export function fuzzUnit(specials: readonly string[]): fc.Arbitrary<string> {
  const diff = differingCodePoints()
  const inPlane = fc.integer({ min: 0, max: 16 }).chain((plane) => fc.integer({ min: plane * 0x10000, max: plane * 0x10000 + 0xffff }))
  const ranges = (list: [number, number][]) => fc.constantFrom(...list).chain(([lo, hi]) => fc.integer({ min: lo, max: hi }))
  const cp = (arb: fc.Arbitrary<number>) => arb.map((c) => String.fromCodePoint(c))
  const arbs: fc.WeightedArbitrary<string>[] = [
    // Any code point of any plane (assigned or not, private use, noncharacters) and any UTF-16 unit.
    { weight: 4, arbitrary: cp(inPlane) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    // Lone surrogates, alone and where U+FFFD joins its neighbours.
    { weight: 3, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', ' \ud966', '\udd6a\n', '\ud8d8\ufffd', '\ufffd', ' \ufffd', '\ud83d') },
    // Marks (old and new), letters of many scripts, digits of many scripts, emoji.
    { weight: 3, arbitrary: cp(ranges([[0x300, 0x36f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f], [0x900, 0x97f], [0x3099, 0x309a], [0x1f3fb, 0x1f3ff]])) },
    { weight: 3, arbitrary: cp(ranges([[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x4e00, 0x9fff], [0x3040, 0x30ff], [0xac00, 0xd7a3], [0x1f300, 0x1faff]])) },
    { weight: 2, arbitrary: cp(ranges([[0x30, 0x39], [0x660, 0x669], [0x966, 0x96f], [0xff10, 0xff19], [0x2160, 0x2188], [0x2460, 0x249b], [0x1d7ce, 0x1d7ff]])) },
    // Compatibility characters (NFKC changes them): ligatures, full width, circled, superscripts.
    { weight: 2, arbitrary: cp(ranges([[0xfb00, 0xfb06], [0xff01, 0xff5e], [0x2460, 0x24ff], [0x3300, 0x33ff], [0x1d400, 0x1d7ff], [0x10780, 0x107ba], [0x2070, 0x209c]])) },
    // Characters the engine classes or normalizes unlike the references.
    { weight: 4, arbitrary: fc.constantFrom(...diff).map((c) => String.fromCodePoint(c)) },
    // White space of every kind, the BOM, apostrophes and contraction letters, line ends, punctuation.
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        ' ', '  ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029',
        '\u202f', '\u205f', '\u3000', '\u180e', '\u200b', '\u001c', '\u001f', '\ufeff', "'", "'", '\u2019', 's', 'S', '\u017f',
        't', 'T', 're', 'RE', 've', 'm', 'M', 'll', 'LL', 'd', 'D', 'K', '\u212a', '/', '1', '123', 'I', 'a', 'Z', '.', '!', '\u00e9',
        'e\u0301', '\u2581', '▁▁', '<0x0A>', '[INST]', '>', '</', '{"k": 1}', '\u4e00', '一', '。',
      ),
    },
  ]
  if (specials.length > 0) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...specials) })
  return fc.oneof(...arbs)
}

/** A fuzz text: up to 40 units, with a BOM at the start or the end now and then. */
export function fuzzText(specials: readonly string[]): fc.Arbitrary<string> {
  const body = fc.array(fuzzUnit(specials), { maxLength: 40 }).map((parts) => parts.join(''))
  return fc.tuple(fc.constantFrom('', '', '', '\ufeff'), body, fc.constantFrom('', '', '', '\ufeff')).map(([a, t, b]) => a + t + b)
}
