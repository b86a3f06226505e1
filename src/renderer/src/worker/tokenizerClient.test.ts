import { describe, expect, it } from 'vitest'
import type { CoordinatorRequest } from '@shared/contract/workerProtocol'
import { TokenizerClient } from './tokenizerClient'

/** A client on a fake worker that records what it is sent, with paints run by hand. */
function setup() {
  const sent: CoordinatorRequest[] = []
  const paints: (() => void)[] = []
  const worker = { postMessage: (req: CoordinatorRequest) => sent.push(req), terminate: () => undefined } as unknown as Worker
  const client = new TokenizerClient(
    () => undefined,
    () => worker,
    (fn) => paints.push(fn),
  )
  const paint = () => paints.splice(0).forEach((fn) => fn())
  return { client, sent, paint }
}

describe('TokenizerClient', () => {
  it('holds an edit back until the next frame is painted', () => {
    const t = setup()
    t.client.editAfterPaint(2, [[0, 0, 'big paste']])
    expect(t.sent).toEqual([])
    t.paint()
    expect(t.sent).toEqual([{ type: 'edit', version: 2, edits: [[0, 0, 'big paste']] }])
    t.paint()
    expect(t.sent.length).toBe(1)
  })

  it('sends held edits first when another request follows before the paint, keeping the order', () => {
    const t = setup()
    t.client.editAfterPaint(2, [[0, 0, 'big paste']])
    t.client.editAfterPaint(3, [[9, 9, 'more']])
    t.client.edit(4, [[13, 13, 'x']])
    t.client.viewport(0, 100)
    expect(t.sent.map((r) => r.type === 'edit' ? r.version : r.type)).toEqual([2, 3, 4, 'viewport'])
    t.paint()
    expect(t.sent.length).toBe(4)
  })
})
