/**
 * A small seeded pseudo-random generator, so a draw can be repeated: the same seed gives the
 * same sequence on every machine. Mulberry32 (32-bit state, period 2^32): plenty for a lab,
 * not for cryptography.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number

/** A generator seeded with `seed` (any number; only its low 32 bits count). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
