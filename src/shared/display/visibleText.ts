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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** A token's bytes as visible text, or as \xNN escapes when they are not whole UTF-8 characters. */
export function visibleTokenBytes(bytes: Uint8Array): string {
  try {
    return withVisibleWhitespace(strictUtf8.decode(bytes))
  } catch {
    return Array.from(bytes, (b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  }
}
