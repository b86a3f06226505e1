/**
 * GPT-2's byte-level alphabet (Hugging Face's ByteLevel pre-tokenizer): each byte 0-255 is
 * shown as one printable character, so a token's string holds exactly one character per byte.
 */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff)
  const out: string[] = []
  let extra = 0
  for (let b = 0; b < 256; b++) out.push(String.fromCharCode(printable(b) ? b : 256 + extra++))
  return out
})()

/** The byte each byte-level character stands for (-1 for other characters). */
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]))

/** The bytes of a byte-level token string, or null when a character is not in the alphabet. */
export function byteLevelBytes(token: string): Uint8Array | null {
  const out = new Uint8Array(token.length)
  for (let i = 0; i < token.length; i++) {
    const b = CHAR_TO_BYTE.get(token[i])
    if (b === undefined) return null
    out[i] = b
  }
  return out
}
