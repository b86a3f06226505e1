import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { LocalEncoderLoader } from './localEncoder'

const fake = (id: TokenizerId) => ({ id }) as Tokenizer

describe('LocalEncoderLoader', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('loads the wanted encoding after a pause, drops it at once when another is wanted, and ignores late loads', async () => {
    const seen: (string | null)[] = []
    const loads: { name: TokenizerId; resolve: (e: Tokenizer) => void }[] = []
    const loader = new LocalEncoderLoader(
      (enc) => seen.push(enc?.id ?? null),
      (name) => new Promise((resolve) => loads.push({ name, resolve })),
    )
    loader.want('o200k_base')
    expect(seen).toEqual([null])
    expect(loads).toEqual([]) // not during start-up
    // Not while the tokenizer works: each sign of work pushes the load back.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(500)
      loader.busy()
    }
    expect(loads).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    expect(loads.map((l) => l.name)).toEqual(['o200k_base'])
    loader.want('o200k_base') // the same: nothing new
    expect(seen).toEqual([null])
    loader.want('cl100k_base')
    expect(seen).toEqual([null, null])
    loads[0].resolve(fake('o200k_base')) // late: no longer wanted
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen).toEqual([null, null])
    loads[1].resolve(fake('cl100k_base'))
    await vi.advanceTimersByTimeAsync(0)
    expect(seen).toEqual([null, null, 'cl100k_base'])
    // Once loaded, work no longer reloads it.
    loader.busy()
    await vi.advanceTimersByTimeAsync(2000)
    expect(loads.length).toBe(2)
  })

  it('work that starts after the pause but before the idle moment still postpones the load', async () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn))
    try {
      let calls = 0
      const loader = new LocalEncoderLoader(
        () => undefined,
        () => (calls++, new Promise<Tokenizer>(() => undefined)),
      )
      loader.want('o200k_base')
      await vi.advanceTimersByTimeAsync(1000)
      expect(idle.length).toBe(1)
      loader.busy()
      idle.shift()!() // the earlier idle callback: void
      expect(calls).toBe(0)
      await vi.advanceTimersByTimeAsync(1000)
      idle.shift()!()
      expect(calls).toBe(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a failed load leaves edits to the worker and is tried again at the next quiet moment; dispose cancels', async () => {
    const seen: (string | null)[] = []
    let calls = 0
    const failing = new LocalEncoderLoader(
      (enc) => seen.push(enc?.id ?? null),
      () => (calls++, Promise.reject(new Error('no'))),
    )
    failing.want('r50k_base')
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toBe(1)
    expect(seen).toEqual([null])
    failing.busy()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toBe(2)
    failing.want('p50k_base')
    failing.dispose()
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls).toBe(2)
  })

  it('loads every bundled tokenizer here (the Hugging Face ones from their compact form), never one opened from disk: the worker answers those edits', async () => {
    const seen: (string | null)[] = []
    let calls = 0
    const loader = new LocalEncoderLoader(
      (enc) => seen.push(enc?.id ?? null),
      (id) => (calls++, Promise.resolve(fake(id))),
    )
    loader.want('user:my-tokenizer')
    loader.busy()
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls).toBe(0)
    expect(seen).toEqual([null])
    const bundled = ['llama3', 'qwen3', 'deepseek-v3', 'gemma3', 'mistral-nemo', 'claude-legacy', 'o200k_base']
    for (const id of bundled) {
      loader.want(id)
      await vi.advanceTimersByTimeAsync(5000)
    }
    expect(calls).toBe(bundled.length)
    expect(seen.filter((s) => s !== null)).toEqual(bundled)
  })
})
