const VISIBLE: Record<string, string> = {
  ' ': '·',
  '\t': '→',
  '\n': '↵',
  '\r': '␍',
  '\u00a0': '⍽',
  '\u200b': '␣',
  '\ufeff': '␣',
}

/** Text with whitespace and invisible characters replaced by visible symbols, for the inspector. */
export function withVisibleWhitespace(text: string): string {
  let out = ''
  for (const ch of text) {
    const v = VISIBLE[ch]
    if (v !== undefined) out += v
    else {
      const c = ch.codePointAt(0)!
      out += c < 0x20 || c === 0x7f ? `\\x${c.toString(16).padStart(2, '0')}` : ch
    }
  }
  return out
}
