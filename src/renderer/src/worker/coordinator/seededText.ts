// Test support (not shipped): documents big enough for the coordinator to share work with helpers.

const WORDS = ['the', 'token', ' ', 'count', 'é', '🦙', '日本語', '{"k": 1}', '3.14', "'s", 'x\ty', '\n', '\n\n', '  ', 'Hello', '<|endoftext|>', ',']

/** A deterministic text of about `chars` characters from a seed (mixed prose, code, emoji, CJK, special-token text). */
export function seededText(seed: number, chars: number): string {
  let s = seed >>> 0 || 1
  const next = () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s
  }
  const parts: string[] = []
  let length = 0
  while (length < chars) {
    const w = WORDS[next() % WORDS.length]
    parts.push(w)
    length += w.length
  }
  return parts.join('')
}
