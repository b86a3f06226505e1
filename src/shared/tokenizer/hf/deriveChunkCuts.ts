/**
 * The safe chunk cut rule of a tokenizer.json, derived from its own normalizer, pre-tokenizer,
 * model and added tokens, or none with the reason. Only the bundled tokenizers' rules are
 * handed out (chunkRules.ts), and only where the file's steps are ones those rules are proven
 * for; anything else gets no rule, so the text is tokenized whole (slow but exact).
 *
 * Why a cut can be safe: Hugging Face tokenizers split added tokens out first, then normalize
 * and pre-tokenize each segment, and the model encodes each pre-token alone. So a cut is safe
 * when no added token spans it, the normalizer cannot change characters across it, and the
 * first splitting step of the pre-tokenizer always ends a piece there; later steps then work
 * inside pieces and cannot tell the difference.
 */
import { addedNewlineCuts, NEWLINE_CUTS, normalizedWordCuts, REGEX_SPLIT_CUTS, SPACE_CUTS } from '../chunkRules'
import type { AddedToken } from '../addedTokens'
import type { ChunkCutRule } from '../tokenizer'
import { GPT2_PATTERN } from './preTokenizer'
import { isTiktokenLikeSplit } from './knownSplits'

type Json = Record<string, unknown>

/** A derived rule (null: none is safe) and, in words, what it rests on or why there is none. */
export interface DerivedCuts {
  rule: ChunkCutRule | null
  /** The bundled rule it is built on (before the added-token guard), or null. */
  base: ChunkCutRule | null
  /** Where it cuts ('Cuts at line starts, ...'), or why it cannot ('its normalizer ... can change the text across a cut'). */
  reason: string
}

/**
 * What a normalizer can do next to a cut: `map` is its character mapping when it works
 * character by character (NFC, NFD, lower-casing; word cuts are then checked on the mapped
 * characters); `compat` when NFKC/NFKD may turn a symbol into letters ('㎏' is 'kg'), which
 * leaves only newline cuts; `bert` when BERT's normalizer turns newlines into spaces.
 */
interface NormalizerEffect {
  map: ((s: string) => string) | null
  compat: boolean
  bert: boolean
}

const LOWERCASE = (s: string) => s.toLowerCase()

/** The effect of a tokenizer.json normalizer, or why no cut can be trusted with it. */
function normalizerEffect(n: Json | null | undefined): NormalizerEffect | { refuse: string } {
  const effect: NormalizerEffect = { map: null, compat: false, bert: false }
  const then = (f: (s: string) => string) => {
    const before = effect.map
    effect.map = before ? (s) => f(before(s)) : f
  }
  const add = (step: Json): string | null => {
    switch (step.type) {
      case 'Sequence':
        for (const inner of (step.normalizers as Json[]) ?? []) {
          const problem = add(inner)
          if (problem) return problem
        }
        return null
      case 'NFC':
      case 'NFD':
      case 'NFKC':
      case 'NFKD': {
        const form = step.type
        then((s) => s.normalize(form))
        if (form === 'NFKC' || form === 'NFKD') effect.compat = true
        return null
      }
      case 'Lowercase':
        then(LOWERCASE)
        return null
      case 'BertNormalizer':
        effect.bert = true
        return null
      default:
        return `its normalizer ${String(step.type)} can change the text across a cut`
    }
  }
  const problem = n ? add(n) : null
  return problem ? { refuse: problem } : effect
}

/** Pre-tokenizer steps, Sequences flattened. */
function steps(p: Json | null | undefined): Json[] {
  if (!p) return []
  return p.type === 'Sequence' ? ((p.pretokenizers as Json[]) ?? []).flatMap(steps) : [p]
}

/** A Metaspace step's prepend scheme (older files write add_prefix_space). */
function prependScheme(step: Json): string {
  if (typeof step.prepend_scheme === 'string') return step.prepend_scheme
  return step.add_prefix_space === false ? 'never' : 'always'
}

/** Why a step after the first split cannot follow a cut, or null: it works inside each piece alone. */
function pieceLocalProblem(step: Json): string | null {
  switch (step.type) {
    case 'ByteLevel':
      return step.add_prefix_space ? 'its ByteLevel step adds a space at the start of every piece' : null
    case 'Metaspace':
      return prependScheme(step) === 'first' ? 'its Metaspace step marks only the first piece of the text' : null
    case 'Split':
    case 'Whitespace':
    case 'WhitespaceSplit':
    case 'BertPreTokenizer':
    case 'Digits':
    case 'Punctuation':
    case 'UnicodeScripts':
    case 'CharDelimiterSplit':
      return null
    default:
      return `its pre-tokenizer step ${String(step.type)} is not one whose cuts are known`
  }
}

/** The rule of the first splitting step(s), how many steps it covers, or why there is none. */
function splitRule(all: Json[]): { rule: ChunkCutRule; used: number } | { refuse: string } {
  const patterns: string[] = []
  let used = 0
  for (const step of all) {
    if (step.type === 'Split' && !step.invert && step.behavior === 'Isolated' && typeof (step.pattern as Json)?.Regex === 'string') patterns.push((step.pattern as Json).Regex as string)
    else if (step.type === 'ByteLevel' && step.use_regex !== false && !step.add_prefix_space) patterns.push(GPT2_PATTERN)
    else break
    used++
  }
  if (used > 0) {
    if (isTiktokenLikeSplit(patterns)) return { rule: REGEX_SPLIT_CUTS, used }
    return { refuse: 'its split pattern is not one whose safe cuts are proven' }
  }
  const first = all[0]
  if (!first) return { refuse: 'its pre-tokenizer is missing, so the model reads each text between added tokens as one piece' }
  if (first.type === 'Whitespace' || first.type === 'WhitespaceSplit' || first.type === 'BertPreTokenizer') return { rule: NEWLINE_CUTS, used: 1 }
  if (first.type === 'Metaspace' && first.split !== false) return { rule: SPACE_CUTS, used: 1 }
  return { refuse: `its pre-tokenizer starts with ${String(first.type)}, which has no proven safe cut` }
}

/** True when the rule could cut inside `content` (rules read at most the two characters before a cut and the one after it). */
function cuttable(rule: ChunkCutRule, content: string): boolean {
  const padded = 'a' + content
  for (let i = 2; i < padded.length; i++) if (rule.isSafeCut(padded, i) || rule.isSafeWordCut?.(padded, i)) return true
  return false
}

/**
 * `rule` that also refuses a cut inside an occurrence of any added token it could otherwise
 * cut (such as "<s>" or "[CLS]" for a rule that cuts after a letter), with the reach widened
 * to the longest such token so an edit re-cuts far enough back (documentModel.recutEdit).
 */
export function guardAddedTokens(rule: ChunkCutRule, added: readonly AddedToken[]): ChunkCutRule {
  const risky = [...new Set(added.map((t) => t.content).filter((c) => c.length > 1 && cuttable(rule, c)))]
  if (risky.length === 0) return rule
  const reach = Math.max(...risky.map((c) => c.length))
  const inside = (text: string, i: number) => {
    const from = Math.max(0, i - reach + 1)
    const window = text.slice(from, i + reach - 1)
    const at = i - from
    for (const c of risky) {
      for (let k = window.indexOf(c); k >= 0 && k < at; k = window.indexOf(c, k + 1)) if (k + c.length > at) return true
    }
    return false
  }
  const wordCut = rule.isSafeWordCut
  return {
    isSafeCut: (text, i) => rule.isSafeCut(text, i) && !inside(text, i),
    ...(wordCut ? { isSafeWordCut: (text: string, i: number) => wordCut(text, i) && !inside(text, i) } : {}),
    reach: Math.max(reach, rule.reach ?? 2),
  }
}

/** The safe cut rule of a tokenizer.json (see the module comment), with its reason. */
export function deriveChunkCuts(json: Json): DerivedCuts {
  const none = (why: string): DerivedCuts => ({ rule: null, base: null, reason: why })
  const model = (json.model ?? {}) as Json
  if (!['BPE', 'WordPiece', 'Unigram'].includes(model.type as string)) return none(`its model ${String(model.type)} is not one whose cuts are known`)
  if (typeof model.dropout === 'number' && model.dropout > 0) return none('its BPE model has dropout, so its output is random')
  const added = ((json.added_tokens as (AddedToken & Json)[]) ?? []).filter((t) => typeof t.content === 'string')
  const stripping = added.find((t) => t.lstrip || t.rstrip || t.single_word)
  if (stripping) return none(`its added token ${JSON.stringify(stripping.content)} takes the spaces or word around it`)
  const effect = normalizerEffect(json.normalizer as Json | null)
  const pre = steps(json.pre_tokenizer as Json | null)

  const fallback = (why: string): DerivedCuts => {
    // Newline added tokens (Gemma): every newline run is its own segment, whatever the steps do.
    const firstOnly = pre.some((s) => s.type === 'Metaspace' && prependScheme(s) === 'first')
    const newlineTokensRaw = added.every((t) => !t.content.includes('\n') || !t.normalized)
    const rule = !firstOnly && newlineTokensRaw ? addedNewlineCuts(added) : null
    return rule ? { rule, base: rule, reason: 'Cuts after newline runs, which its added tokens take whole.' } : none(why)
  }
  if ('refuse' in effect) return fallback(effect.refuse)
  const changes = effect.map !== null || effect.bert
  if (changes && added.some((t) => t.normalized)) return fallback('its added tokens are matched after a normalizer that changes the text')
  const split = splitRule(pre)
  if ('refuse' in split) return fallback(split.refuse)
  for (const step of pre.slice(split.used)) {
    const problem = pieceLocalProblem(step)
    if (problem) return fallback(problem)
  }
  let base = split.rule
  if (effect.bert && base === REGEX_SPLIT_CUTS) return fallback('its BERT normalizer turns newlines into spaces, which the split pattern joins to words')
  if (effect.compat && base === REGEX_SPLIT_CUTS) base = NEWLINE_CUTS
  const what = base === REGEX_SPLIT_CUTS ? 'line starts and word ends' : base === NEWLINE_CUTS ? 'line starts' : 'spaces'
  const rule = effect.map && base === REGEX_SPLIT_CUTS ? normalizedWordCuts(base, effect.map) : base
  return { rule: guardAddedTokens(rule, added), base, reason: `Cuts at ${what}, where its pre-tokenizer always ends a piece.` }
}
