/**
 * Labels for token ids in the lab: each token's text from its exact bytes (never decoded token
 * by token through a shared decoder), or \xNN escapes for a token that holds part of a character.
 */

const strict = new TextDecoder('utf-8', { fatal: true })

/** A token's text, or its bytes as \xNN escapes when they are not whole UTF-8 characters. */
export function tokenLabel(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes)
  } catch {
    return Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')
  }
}

/** Labels for ids, one each and all different (a clash gets " #id"). Missing bytes label as "#id". */
export function labelsFor(ids: readonly number[], bytes: readonly (Uint8Array | null)[]): string[] {
  const labels = ids.map((id, i) => (bytes[i] ? tokenLabel(bytes[i]!) : `#${id}`))
  const seen = new Map<string, number>()
  labels.forEach((l) => seen.set(l, (seen.get(l) ?? 0) + 1))
  return labels.map((l, i) => (seen.get(l)! > 1 || l === '' ? `${l} #${ids[i]}` : l))
}
