/** A place in a text: 1-based line and column. */
export interface TextPlace {
  line: number
  column: number
}

/** The line and column of character `offset` in `text` (offsets past the end give the end). */
export function placeOf(text: string, offset: number): TextPlace {
  const at = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: at - lineStart + 1 }
}

/** JSON text read, or what is wrong with it and where. */
export type JsonReading = { ok: true; value: unknown } | { ok: false; place: TextPlace; problem: string; message: string }

/**
 * Parses JSON, turning JSON.parse's error into a message that names the line and column
 * (V8 gives a character position, newer V8 also a line and column; both are read).
 */
export function readJson(text: string): JsonReading {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    const raw = (e as Error).message
    let place: TextPlace
    const lc = /\(line (\d+) column (\d+)\)/.exec(raw)
    const pos = /at position (\d+)/.exec(raw)
    if (lc) place = { line: Number(lc[1]), column: Number(lc[2]) }
    else if (pos) place = placeOf(text, Number(pos[1]))
    else place = placeOf(text, firstBadOffset(text)) // "Unexpected token 'x', "..." is not valid JSON", "Unexpected end of JSON input"
    const problem = raw
      .replace(/^JSON\.parse: /, '')
      .replace(/,? ?"[^"]*"\.{3}[^"]*"?\s*is not valid JSON$/, '')
      .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '')
      .replace(/^Unexpected end of JSON input$/, 'The JSON ends too early (a bracket, brace or quote is not closed)')
    return { ok: false, place, problem, message: `Line ${place.line}, column ${place.column}: ${problem}.` }
  }
}

/** Where a strict JSON scan first fails (the text's end when it ends too early): for errors V8 gives without a position. */
function firstBadOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail()
      i++
    }
  }
  const string = () => {
    i++ // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail()
      i += text[i] === '\\' ? 2 : 1
    }
    if (i >= text.length) fail()
    i++
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) {
        i++
        return
      }
      for (;;) {
        if (c === '{') {
          ws()
          if (text[i] !== '"') fail()
          string()
          ws()
          if (text[i] !== ':') fail()
          i++
        }
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === close) {
          i++
          return
        } else fail()
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail()
    i += m![0].length
  }
  try {
    value()
    ws()
    return i
  } catch (at) {
    return Math.min(at as number, text.length)
  }
}
