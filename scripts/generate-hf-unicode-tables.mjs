#!/usr/bin/env node
// Writes src/shared/tokenizer/hf/unicodeTables.gen.ts: the Unicode data the Hugging Face
// references were built with, so that the fast engine's pre-tokenizer split and normalizer
// never depend on the JavaScript engine's own tables (Node 20.20 has Unicode 17).
//
// Sources (both probed or read here, at generation time, never at run time):
// - Split classes: the reference itself. Hugging Face's Rust `tokenizers` (npm, 0.23; its
//   split patterns run on Oniguruma) is asked, code point by code point, which characters each
//   `\p{..}` general category, `\s` and the case-insensitive ASCII letters match: a WordLevel
//   tokenizer whose pre-tokenizer isolates the class's matches, over all code points in batches.
//   The probe found Unicode 16.0 (the 2024 additions match, the 2025 ones do not).
// - Normalization: the characters the reference's NFC/NFKC/NFD/NFKD know, which are those
//   assigned in Unicode 9.0 (the crate unicode-normalization-alignments): read from
//   DerivedAge.txt (Debian package unicode-data, /usr/share/unicode/DerivedAge.txt) and checked
//   against the reference: every character of 9.0 or older with a decomposition or a combining
//   class is normalized by it, none newer is.
// Usage: node scripts/generate-hf-unicode-tables.mjs [path to DerivedAge.txt]
import { readFileSync, writeFileSync } from 'node:fs'
import tokenizers from 'tokenizers'

const NORMALIZATION_VERSION = '9.0'
const SPLIT_VERSION = '16.0'
const derivedAge = process.argv[2] ?? '/usr/share/unicode/DerivedAge.txt'
const { Tokenizer, nfdNormalizer, nfkdNormalizer } = tokenizers

const isSurrogate = (cp) => cp >= 0xd800 && cp <= 0xdfff

/** Code points (sorted) that the reference's regex `pattern` matches as one whole character. */
async function probe(pattern, sep) {
  const json = {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Split', pattern: { Regex: pattern }, behavior: 'Isolated', invert: false },
    post_processor: null, decoder: null, model: { type: 'WordLevel', vocab: { '[UNK]': 0 }, unk_token: '[UNK]' },
  }
  const t = Tokenizer.fromString(JSON.stringify(json))
  const out = []
  const BATCH = 16384
  for (let lo = 0; lo < 0x110000; lo += BATCH) {
    const cps = []
    for (let cp = lo; cp < Math.min(lo + BATCH, 0x110000); cp++) if (!isSurrogate(cp)) cps.push(cp, sep)
    const encoding = await t.encode(String.fromCodePoint(...cps), null, { addSpecialTokens: false })
    // Offsets count code points: a piece of one character that is not the separator matched.
    for (const [a, b] of encoding.getOffsets()) if (b === a + 1 && cps[a] !== sep) out.push(cps[a])
  }
  const sepMatches = await t.encode(String.fromCodePoint(sep), null, { addSpecialTokens: false })
  if (sepMatches.getOffsets().length !== 1) throw new Error(`separator ${sep} is split by ${pattern}`)
  return out.sort((a, b) => a - b)
}

/** Sorted code points as merged inclusive ranges. */
function toRanges(cps) {
  const out = []
  for (const cp of cps) {
    const last = out[out.length - 1]
    if (last && cp === last[1] + 1) last[1] = cp
    else out.push([cp, cp])
  }
  return out
}

/** Ranges as a flat list of inclusive bounds, eight pairs a line. */
const flat = (ranges) => {
  const lines = []
  for (let i = 0; i < ranges.length; i += 8) lines.push('  ' + ranges.slice(i, i + 8).map(([lo, hi]) => `0x${lo.toString(16)}, 0x${hi.toString(16)},`).join(' '))
  return `[\n${lines.join('\n')}\n]`
}

const CATEGORIES = ['L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Co', 'Cn']
const classes = {}
for (const c of CATEGORIES) {
  // The separator must not be in the class: NUL (Cc) for most, 'A' (Lu) for C and Z.
  const sep = c.startsWith('C') || c.startsWith('Z') ? 0x41 : 0
  classes[c] = await probe(`\\p{${c}}`, sep)
}
classes.White_Space = await probe('\\s', 0x41)
// Surrogates cannot be probed (the reference never sees one: they arrive as U+FFFD).
for (const c of ['C', 'Cn']) if (classes[c].length) {
  // Onig counts surrogates as Cs (part of C); they never reach a pattern here.
}
// Version check: U+1C89 (Cyrillic, Unicode 16.0) is a letter, U+A7F1 (Unicode 17.0) is not.
const letters = new Set(classes.L)
if (!letters.has(0x1c89) || letters.has(0xa7f1)) throw new Error(`The reference's regex tables are not Unicode ${SPLIT_VERSION}`)

const fold = {}
for (let c = 0x61; c <= 0x7a; c++) {
  const ch = String.fromCharCode(c)
  fold[ch] = await probe(`(?i:${ch})`, 0)
}

// Characters assigned in NORMALIZATION_VERSION.
const assigned = []
for (const line of readFileSync(derivedAge, 'utf8').split('\n')) {
  const m = /^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*([0-9.]+)/.exec(line)
  if (!m) continue
  const [maj, min] = m[3].split('.').map(Number)
  const [vmaj, vmin] = NORMALIZATION_VERSION.split('.').map(Number)
  if (maj > vmaj || (maj === vmaj && min > vmin)) continue
  for (let cp = parseInt(m[1], 16); cp <= parseInt(m[2] ?? m[1], 16); cp++) if (!isSurrogate(cp)) assigned.push(cp)
}
assigned.sort((a, b) => a - b)
// Check against the reference: it normalizes exactly the known characters that normalize.
const known = new Set(assigned)
const nfd = nfdNormalizer()
const nfkd = nfkdNormalizer()
let checked = 0
for (let cp = 0; cp < 0x110000; cp++) {
  if (isSurrogate(cp)) continue
  const s = String.fromCodePoint(cp)
  const afterMark = '\u0345' + s
  if (s.normalize('NFKD') === s && afterMark.normalize('NFD') === afterMark) continue
  const ref = nfkd.normalizeString(s) !== s || nfd.normalizeString(afterMark) !== afterMark
  if (ref !== known.has(cp)) throw new Error(`U+${cp.toString(16)}: the reference ${ref ? 'normalizes' : 'does not normalize'} it, Unicode ${NORMALIZATION_VERSION} ${known.has(cp) ? 'has' : 'lacks'} it`)
  checked++
}

let out = `// GENERATED by scripts/generate-hf-unicode-tables.mjs. Do not edit by hand. Each list is
// sorted, disjoint ranges as inclusive bounds: lo, hi, lo, hi, ...

/** Unicode version of the split classes (Rust \`tokenizers\` 0.23, Oniguruma), probed from the reference. */
export const SPLIT_UNICODE_VERSION = '${SPLIT_VERSION}'

/** Unicode version of the reference's normalizers (unicode-normalization-alignments). */
export const NORMALIZATION_UNICODE_VERSION = '${NORMALIZATION_VERSION}'

/** What \`\\p{<name>}\` (a general category) and \`\\s\` (White_Space) match in the reference's split patterns. */
export const SPLIT_CLASSES: Readonly<Record<string, readonly number[]>> = {
`
for (const [name, cps] of Object.entries(classes)) out += `  // ${cps.length} code points\n  ${name}: ${flat(toRanges(cps)).replace(/\n/g, '\n  ')},\n`
out += `}

/** What \`(?i:<letter>)\` matches in the reference, for each ASCII letter (s also matches U+017F, k U+212A). */
export const CASE_FOLDS: Readonly<Record<string, readonly number[]>> = {
`
for (const [ch, cps] of Object.entries(fold)) out += `  ${ch}: [${cps.map((c) => `0x${c.toString(16)}`).join(', ')}],\n`
out += `}

/**
 * Code points assigned in Unicode ${NORMALIZATION_VERSION} (${assigned.length}; surrogates left out): the characters the
 * reference's normalizers know. Checked against the reference on the ${checked} characters that
 * Node ${process.versions.node} (Unicode ${process.versions.unicode}) decomposes or gives a combining class.
 */
export const NORMALIZATION_KNOWN: readonly number[] = ${flat(toRanges(assigned))}
`
const target = new URL('../src/shared/tokenizer/hf/unicodeTables.gen.ts', import.meta.url)
writeFileSync(target, out)
console.log(`wrote ${target.pathname}`)
