import { describe, expect, it } from 'vitest'
import { runInSlices, runToEnd, type Steps } from './steps'

function* count(n: number, log: number[]): Steps<string> {
  for (let i = 0; i < n; i++) {
    log.push(i)
    yield
  }
  return `done after ${n}`
}

describe('steps', () => {
  it('runToEnd runs every step at once', () => {
    const log: number[] = []
    expect(runToEnd(count(5, log))).toBe('done after 5')
    expect(log).toEqual([0, 1, 2, 3, 4])
  })

  it('runInSlices pauses once a slice has used its time, and only then', async () => {
    const log: number[] = []
    let clock = 0
    const pausedAt: number[] = []
    // Each step costs 3 "ms": slices of 10 ms hold 4 steps.
    const now = () => clock
    function* timed(): Steps<number> {
      for (let i = 0; i < 10; i++) {
        clock += 3
        log.push(i)
        yield
      }
      return log.length
    }
    const result = await runInSlices(timed(), async () => void pausedAt.push(log.length), 10, now)
    expect(result).toBe(10)
    expect(pausedAt).toEqual([4, 8])
  })

  it('runInSlices rejects with the error a step throws', async () => {
    function* failing(): Steps<void> {
      yield
      throw new Error('bad file')
    }
    await expect(runInSlices(failing(), async () => undefined, 1)).rejects.toThrow('bad file')
  })
})
