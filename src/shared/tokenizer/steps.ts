/**
 * Long set-up work written once as a generator that yields between small steps, so the same
 * code can run to the end at once (a worker, the command line) or in short slices between
 * other work (the UI thread, where no task may hold a frame back).
 */
export type Steps<T> = Generator<void, T, void>

/** Runs `steps` to the end at once and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  let r = steps.next()
  while (!r.done) r = steps.next()
  return r.value
}

/**
 * Runs `steps` in slices of about `sliceMs` of work, awaiting `pause()` between two slices
 * (the caller's way of giving the thread back: an idle callback, a message). A throw inside
 * the steps rejects the result.
 */
export async function runInSlices<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs: number, now: () => number = () => performance.now()): Promise<T> {
  for (;;) {
    const start = now()
    do {
      const r = steps.next()
      if (r.done) return r.value
    } while (now() - start < sliceMs)
    await pause()
  }
}
