import { formatBytes, formatCount } from '@shared/text/format'
import type { CliIO } from './io'

/** A run shorter than this shows no progress line at all (ms). */
export const PROGRESS_DELAY = 300
/** The line is redrawn at most this often (ms). */
export const PROGRESS_INTERVAL = 100

/**
 * One progress line on standard error, only when it is a terminal and the run takes longer
 * than PROGRESS_DELAY: "counting 12 of 345 files, 3.4 MB". Redrawn in place (carriage
 * return, erase line) at most every PROGRESS_INTERVAL ms, and erased by `finish`.
 */
export class ProgressLine {
  private readonly started: number
  private lastDraw = -Infinity
  private shown = false

  constructor(
    private readonly io: CliIO,
    private readonly verb: string,
  ) {
    this.started = io.now()
  }

  /** Reports `done` of `total` files and `bytes` read so far. */
  update(done: number, total: number, bytes: number): void {
    if (!this.io.errIsTTY) return
    const now = this.io.now()
    if (now - this.started < PROGRESS_DELAY || now - this.lastDraw < PROGRESS_INTERVAL) return
    this.lastDraw = now
    this.shown = true
    this.io.err(`\r\x1b[K${this.verb} ${formatCount(done)} of ${formatCount(total)} file${total === 1 ? '' : 's'}, ${formatBytes(bytes)}`)
  }

  /** Erases the line (if it was drawn). */
  finish(): void {
    if (this.shown) this.io.err('\r\x1b[K')
    this.shown = false
  }
}
