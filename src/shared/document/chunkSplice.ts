/**
 * A change to a list of chunks that tile a text: chunks [from, from + remove) are replaced by
 * `insert` (already at their new places) and every later chunk moves by `shift` characters.
 * The document model and the token index both describe an edit this way and both apply it
 * through spliceChunks.
 */
export interface Splice<T> {
  from: number
  remove: number
  insert: readonly T[]
  shift: number
}

/**
 * `s` limited to a list of `n` chunks, as Array.splice limits its arguments: it removes at
 * most the chunks there are and inserts at the end when `from` is past it. Throws on a
 * negative `from` or `remove` (a bug, not a stale message).
 */
export function clampSplice<S extends { from: number; remove: number }>(s: S, n: number): S {
  if (!(s.from >= 0 && s.remove >= 0)) throw new RangeError(`Bad splice ${s.from}+${s.remove}`)
  if (s.from + s.remove <= n) return s
  const from = Math.min(s.from, n)
  return { ...s, from, remove: Math.max(0, Math.min(s.remove, n - from)) }
}

/**
 * The chunks of `list` after splice `s` (clamped to the list): those before `from` as they
 * are, then `insert`, then the rest moved by `move(chunk, shift)`. `list` itself is not
 * changed. `move` decides what a moved chunk is: the same object with new positions (the
 * document model, whose readers know chunks by identity) or a new value (the token index).
 */
export function spliceChunks<T>(list: readonly T[], s: Splice<T>, move: (chunk: T, shift: number) => T): T[] {
  const { from, remove, insert, shift } = clampSplice(s, list.length)
  const out = list.slice(0, from)
  for (const c of insert) out.push(c)
  for (let k = from + remove; k < list.length; k++) out.push(shift === 0 ? list[k] : move(list[k], shift))
  return out
}
