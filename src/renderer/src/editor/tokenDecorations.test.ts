import { history, isolateHistory, redo, undo } from '@codemirror/commands'
import { EditorState, type Transaction, type TransactionSpec } from '@codemirror/state'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { cutText } from '@shared/document/documentModel'
import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { tokenColourSlot } from '@shared/display/palette'
import { TokenIndex } from '@shared/document/tokenIndex'
import { tokenizeChunk } from '@shared/document/tokenize'
import { limitCutPosition } from './limitCut'
import { drawRanges, mapScreen, type ScreenWindow } from './screenWindow'
import { mapClamped, tableToDoc } from './positions'
import { buildTokenDecorations, readScreen } from './tokenDecorations'
import type { EditorView } from '@codemirror/view'
import { setTokens, setViewOptions, tokenField, viewOptionsField } from './tokenState'

let o200k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
})

/** The tokens of `text` as the worker sends them: chunks, each tokenized on its own. */
function tokensOf(text: string): TokenIndex {
  const chunks = cutText(text, 64).map((c) => ({ ...c, tokens: tokenizeChunk(text, c.start, c.end, o200k, 'text') }))
  const index = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: chunks })
  return index
}

/** Text pieces that stress offsets: surrogate pairs, combining marks, ZWJ sequences, CR LF. */
const pieces = ['a', 'b', 'word ', ' ', '  ', '\n', '\r\n', '\r', 'é', 'e\u0301', '\u0301', '🦙', '👩🏽‍💻', '🇯🇵', '日本', '\t', '{"k": 1}', '12345']
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''))
/** A place in the document, as a fraction of its length. */
const at = fc.double({ min: 0, max: 1, noNaN: true })

type Step =
  | { kind: 'insert'; at: number; text: string; scroll: boolean }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; from: number; to: number; text: string }
  | { kind: 'trim'; keep: number; mode: 'head' | 'tail' | 'both' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'caret'; at: number; length: number; scroll: boolean }
  | { kind: 'answer'; which: number }
  | { kind: 'answerAhead' }
  | { kind: 'measure'; from: number; width: number }
  | { kind: 'forget' }
  | { kind: 'viewport'; from: number; to: number; gap: number }
  | { kind: 'limits'; values: number[]; active: number | null }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: textArb, scroll: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), from: at, to: at, text: fc.array(textArb, { maxLength: 30 }).map((t) => t.join('')) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('trim' as const), keep: at, mode: fc.constantFrom('head' as const, 'tail' as const, 'both' as const) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('caret' as const), at, length: fc.oneof(fc.constant(0), fc.nat({ max: 30 })), scroll: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('answer' as const), which: at }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'answerAhead' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('measure' as const), from: at, width: fc.nat({ max: 700 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'forget' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('viewport' as const), from: at, to: at, gap: at }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('limits' as const), values: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }), active: fc.option(fc.integer({ min: 1, max: 400 })) }),
  },
)

/**
 * The editor as the app drives it, without the DOM: the real EditorState with undo history
 * and the token extensions' state fields, a tokenizer that answers any version late (or,
 * like a token index spliced one edit ahead, with tokens of a newer text), the on-screen
 * window mapped through every change as the view plugin maps it, and CodeMirror's visible
 * ranges (one or two, as line gaps make them) anywhere in the document.
 */
class Model {
  state: EditorState
  /** The text of every document version the tokenizer has not answered past. */
  texts = new Map<number, string>()
  answered = 0
  /** True while the shown tokens do not describe the version they claim (checked for safety only). */
  mismatched = false
  screen: ScreenWindow = null
  viewport = { from: 0, to: 0, gap: 1 }

  constructor(text: string) {
    this.state = EditorState.create({ doc: text, extensions: [EditorState.lineSeparator.of('\n'), history(), tokenField, viewOptionsField] })
    this.texts.set(0, text)
    this.dispatch({ effects: setTokens.of({ tokens: tokensOf(text), version: 0 }) })
  }

  get version(): number {
    return this.state.field(tokenField).docVersion
  }

  apply(tr: Transaction): void {
    if (tr.docChanged && this.screen) this.screen = mapScreen(tr.changes, tr.state.selection.main.head, tr.scrollIntoView, this.screen)
    this.state = tr.state
    if (tr.docChanged) this.texts.set(this.version, this.state.doc.toString())
  }

  dispatch(spec: TransactionSpec): void {
    this.apply(this.state.update(spec))
  }

  pos(f: number): number {
    return Math.round(f * this.state.doc.length)
  }

  run(step: Step): void {
    const len = this.state.doc.length
    switch (step.kind) {
      case 'insert': {
        const p = this.pos(step.at)
        this.dispatch({ changes: { from: p, insert: step.text }, selection: { anchor: p + step.text.length }, scrollIntoView: step.scroll, userEvent: 'input.type' })
        return
      }
      case 'delete': {
        const p = this.pos(step.at)
        this.dispatch({ changes: { from: p, to: Math.min(len, p + step.length) }, userEvent: 'delete' })
        return
      }
      case 'replace': {
        const [a, b] = [this.pos(step.from), this.pos(step.to)].sort((x, y) => x - y)
        this.dispatch({ changes: { from: a, to: b, insert: step.text }, selection: { anchor: a + step.text.length }, scrollIntoView: true, userEvent: 'input.paste' })
        return
      }
      case 'trim': {
        // As "Fit to limit" trims: the whole text replaced by a part of it, one undo step, scrolled to the caret.
        const text = this.state.doc.toString()
        const k = this.pos(step.keep)
        const kept = step.mode === 'head' ? text.slice(0, k) : step.mode === 'tail' ? text.slice(len - k) : text.slice(0, k >> 1) + '\n[…]\n' + text.slice(len - (k >> 1))
        this.dispatch({ changes: { from: 0, to: len, insert: kept }, annotations: isolateHistory.of('full'), userEvent: 'delete.fit', scrollIntoView: true })
        return
      }
      case 'undo':
      case 'redo':
        ;(step.kind === 'undo' ? undo : redo)({ state: this.state, dispatch: (tr) => this.apply(tr) })
        return
      case 'caret': {
        // A caret, or a selection with its head first (as "cut at line N" selects the first token past a limit).
        const p = this.pos(step.at)
        this.dispatch({ selection: { anchor: Math.min(len, p + step.length), head: p }, scrollIntoView: step.scroll })
        return
      }
      case 'answer': {
        // The tokenizer answers some version not older than the last it answered.
        const version = this.answered + Math.round(step.which * (this.version - this.answered))
        const text = this.texts.get(version)!
        this.answered = version
        for (const v of this.texts.keys()) if (v < version) this.texts.delete(v)
        this.mismatched = false
        this.dispatch({ effects: setTokens.of({ tokens: tokensOf(text), version }) })
        return
      }
      case 'answerAhead': {
        // Tokens of the current text, labelled with the last answered version (a token index
        // mutated ahead of the version it was shown as): nothing may throw or leave the document.
        if (this.version === this.answered) return
        this.mismatched = true
        this.dispatch({ effects: setTokens.of({ tokens: tokensOf(this.state.doc.toString()), version: this.answered }) })
        return
      }
      case 'measure': {
        const from = this.pos(step.from)
        this.screen = { from, to: Math.min(len, from + step.width) }
        return
      }
      case 'forget':
        this.screen = null
        return
      case 'viewport': {
        const [a, b] = [this.pos(step.from), this.pos(step.to)].sort((x, y) => x - y)
        this.viewport = { from: a, to: b, gap: step.gap }
        return
      }
      case 'limits':
        this.dispatch({ effects: setViewOptions.of({ activeLimit: step.active, limits: step.values.map((value) => ({ value, label: String(value) })), inspected: null }) })
        return
    }
  }

  /** CodeMirror's visible ranges: inside the document after every change (as the view keeps them). */
  visibleRanges(): { from: number; to: number }[] {
    const len = this.state.doc.length
    const from = Math.min(this.viewport.from, len)
    const to = Math.min(this.viewport.to, len)
    if (this.viewport.gap < 0.3 && to - from > 10) {
      const mid = from + Math.floor((to - from) * 0.4)
      return [
        { from, to: mid },
        { from: mid + 5, to },
      ]
    }
    return [{ from, to }]
  }
}

/** Checks the decorations of the model's state: within the document, sorted, marks tiling what they claim. */
function check(model: Model): void {
  const { state } = model
  const len = state.doc.length
  const visible = model.visibleRanges()
  const deco = buildTokenDecorations(state, visible, model.screen)
  const { tokens, pending } = state.field(tokenField)
  const ranges = drawRanges(visible, model.screen, len)
  const marks: { from: number; to: number; index: number; last: number; cls: string }[] = []
  const widgets: number[] = []
  let prev = 0
  for (const it = deco.iter(); it.value; it.next()) {
    expect(it.from).toBeGreaterThanOrEqual(prev)
    expect(it.to).toBeLessThanOrEqual(len)
    prev = it.from
    const spec = it.value.spec as { class?: string; attributes?: Record<string, string> }
    if (spec.class) {
      const index = Number(spec.attributes!['data-token-index'])
      const last = Number(spec.attributes!['data-token-last'] ?? index)
      marks.push({ from: it.from, to: it.to, index, last, cls: spec.class })
    } else widgets.push(it.from)
  }
  // Marks are not empty and never overlap.
  for (let k = 0; k < marks.length; k++) {
    expect(marks[k].to).toBeGreaterThan(marks[k].from)
    if (k > 0) expect(marks[k].from).toBeGreaterThanOrEqual(marks[k - 1].to)
  }
  // Limit markers sit where the limits cut the text.
  const options = state.field(viewOptionsField)
  const cuts = options.limits.map((l) => limitCutPosition(state, l.value)).filter((p): p is number => p !== null)
  expect(widgets).toEqual(cuts.sort((a, b) => a - b))
  for (const w of widgets) expect(w).toBeLessThanOrEqual(len)
  if (model.mismatched || !tokens) return
  // Each mark covers the text of the tokens it names (mapped over unanswered edits), cut only at the edge of a drawn range.
  for (const m of marks) {
    expect(m.cls).toContain(`tok-c${tokenColourSlot(m.index)}`)
    expect(m.to).toBe(tableToDoc(state, tokens.end(m.last), -1))
    const start = tableToDoc(state, tokens.start(m.index), 1)
    if (start !== m.from) expect(ranges.some((r) => r.from === m.from && start < r.from)).toBe(true)
  }
  // With the tokens up to date, the marks tile every drawn range.
  if (pending) return
  for (const r of ranges) {
    let pos = r.from
    for (const m of marks) if (m.from <= pos && m.to > pos) pos = m.to
    expect(pos).toBeGreaterThanOrEqual(r.to)
  }
}

describe('token decorations through edits, undo, trims and screen changes', () => {
  it('stay inside the document, sorted, and tile the tokens they name after every step', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 4, maxLength: 12 }).map((p) => p.join('')), fc.array(stepArb, { minLength: 1, maxLength: 40 }), (text, steps) => {
        const model = new Model(text.repeat(8))
        model.viewport = { from: 0, to: model.state.doc.length, gap: 1 }
        model.run({ kind: 'measure', from: 0.3, width: 400 })
        check(model)
        for (const step of steps) {
          model.run(step)
          check(model)
        }
      }),
      { seed: 20261129, numRuns: 80 },
    )
  })

  it('a trim that shortens the text, with the screen at its end, then undo (the issue 17 crash)', () => {
    const model = new Model('Tokens past the limit are dropped 🦙 here. '.repeat(80))
    model.run({ kind: 'measure', from: 0.5, width: 600 })
    model.run({ kind: 'caret', at: 0.6, length: 5, scroll: true })
    model.run({ kind: 'trim', keep: 0.4, mode: 'head' })
    check(model)
    model.run({ kind: 'undo' })
    check(model)
    model.run({ kind: 'insert', at: 1, text: 'x', scroll: true })
    check(model)
  })
})

describe('mapScreen', () => {
  it('keeps the window inside the new document, whatever the old window held', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.nat({ max: 500 }), fc.nat({ max: 500 }), fc.nat({ max: 900 }), fc.nat({ max: 900 }), fc.boolean(), (len, from, del, a, b, scrolls) => {
        const state = EditorState.create({ doc: 'x'.repeat(len) })
        const p = Math.min(from, len)
        const tr = state.update({ changes: { from: p, to: Math.min(len, p + del), insert: 'yy' } })
        const w = mapScreen(tr.changes, tr.newDoc.length, scrolls, { from: Math.min(a, b), to: Math.max(a, b) })!
        expect(w.from).toBeGreaterThanOrEqual(0)
        expect(w.to).toBeLessThanOrEqual(tr.newDoc.length)
        expect(w.from).toBeLessThanOrEqual(w.to)
      }),
      { seed: 17, numRuns: 300 },
    )
  })

  it('mapClamped maps a position past the end to the end', () => {
    const tr = EditorState.create({ doc: 'abcdef' }).update({ changes: { from: 1, to: 3 } })
    expect(mapClamped(tr.changes, 99, 1, tr.newDoc.length)).toBe(4)
    expect(mapClamped(null, 99, 1, 6)).toBe(6)
  })
})

describe('readScreen', () => {
  /** A view whose hit test throws as CodeMirror's does on a letter under 50,000 combining marks. */
  const throwingView = {
    scrollDOM: { getBoundingClientRect: () => ({ top: 0, bottom: 600, left: 0, right: 800, height: 600 }) },
    contentDOM: { getBoundingClientRect: () => ({ top: 0, bottom: 5000, left: 10, right: 790, height: 5000 }) },
    posAtCoords: () => {
      throw new TypeError("Cannot read properties of null (reading 'length')")
    },
    viewport: { from: 0, to: 50_001 },
    state: { doc: { length: 50_007 } },
  } as unknown as EditorView

  it('falls back to the viewport when the hit test throws (issue 26)', () => {
    const screen = readScreen(throwingView)
    expect(screen?.visible).toEqual({ from: 0, to: 50_001 })
    expect(screen?.window.from).toBe(0)
    expect(screen?.window.to).toBeLessThanOrEqual(50_007)
  })
})
