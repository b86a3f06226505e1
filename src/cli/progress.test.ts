import { describe, expect, it } from 'vitest'
import { memoryIO } from './io'
import { PROGRESS_DELAY, ProgressLine } from './progress'

describe('ProgressLine', () => {
  it('draws nothing when standard error is not a terminal', () => {
    let t = 0
    const io = memoryIO({ tty: false, clock: () => t })
    const p = new ProgressLine(io, 'counting')
    t = 10_000
    p.update(1, 2, 100)
    p.finish()
    expect(io.stderr).toBe('')
  })

  it('on a terminal: nothing for a short run, then one line redrawn in place at most every 100 ms, erased at the end', () => {
    let t = 0
    const io = memoryIO({ tty: true, clock: () => t })
    const p = new ProgressLine(io, 'counting')
    t = PROGRESS_DELAY - 1
    p.update(1, 3, 10)
    expect(io.stderr).toBe('')
    t = PROGRESS_DELAY
    p.update(2, 3, 2048)
    expect(io.stderr).toBe('\r\x1b[Kcounting 2 of 3 files, 2.0 KB')
    t += 50
    p.update(3, 3, 4096)
    expect(io.stderr).toBe('\r\x1b[Kcounting 2 of 3 files, 2.0 KB')
    t += 50
    p.update(3, 3, 4096)
    expect(io.stderr.endsWith('\r\x1b[Kcounting 3 of 3 files, 4.0 KB')).toBe(true)
    p.finish()
    expect(io.stderr.endsWith('\r\x1b[K')).toBe(true)
  })
})
