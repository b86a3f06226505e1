/**
 * A deterministic mixed corpus (prose, code, JSON, CJK, emoji, long lines) of about
 * `chars` UTF-16 units, for benchmarks and large-document tests. Same seed, same text.
 */
export function makeCorpus(chars: number, seed = 42): string {
  let state = seed >>> 0
  const rand = () => {
    // xorshift32
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 0x100000000
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const words = ['the', 'model', 'reads', 'tokens', 'context', 'window', 'prompt', 'limit', 'encoding', 'language', 'quickly', 'Tokenizer', 'explorer', 'antidisestablishmentarianism', 'réseau', 'naïve', 'Straße', 'über', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'with']
  const cjk = ['日本語', 'テキスト', '中文', '文本', '한국어', '텍스트', '東京', '漢字']
  const emoji = ['🦙', '👩🏽‍💻', '🇯🇵', '👋🏿', '🧑‍🚀', '✨', '🎉']
  const parts: string[] = []
  let total = 0
  const push = (s: string) => {
    parts.push(s)
    total += s.length
  }
  while (total < chars) {
    const kind = rand()
    if (kind < 0.45) {
      const n = 20 + Math.floor(rand() * 80)
      const sentence: string[] = []
      for (let i = 0; i < n; i++) sentence.push(pick(words))
      sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1)
      push(sentence.join(' ') + '. ' + Math.floor(rand() * 100000) + '\n')
    } else if (kind < 0.65) {
      const name = pick(words)
      push(`function ${name}${Math.floor(rand() * 100)}(a, b) {\n  const x = a * ${Math.floor(rand() * 1000)} + b;\n\tif (x > 0) return \`${name}=\${x}\`;\n  return null; // ${pick(words)}\n}\n\n`)
    } else if (kind < 0.78) {
      const obj: Record<string, unknown> = {}
      for (let i = 0; i < 6; i++) obj[pick(words)] = rand() < 0.5 ? Math.floor(rand() * 1e6) : pick(words)
      push(JSON.stringify(obj) + '\n')
    } else if (kind < 0.9) {
      let s = ''
      for (let i = 0; i < 12; i++) s += pick(cjk) + (rand() < 0.2 ? '，' : '')
      push(s + '。\n')
    } else if (kind < 0.97) {
      let s = ''
      for (let i = 0; i < 10; i++) s += pick(words) + ' ' + pick(emoji) + ' '
      push(s.trimEnd() + '\n')
    } else {
      // A long line with no newline: minified JSON.
      const arr = []
      for (let i = 0; i < 400; i++) arr.push({ id: i, v: pick(words), n: Math.floor(rand() * 1e4) })
      push(JSON.stringify(arr) + '\n')
    }
  }
  return parts.join('').slice(0, chars)
}
