import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { loadPageTokenizer, loadsOnPage } from './bundledTokenizers'

/** Quiet time (no tokenizer work) before the encoder starts loading: start-up, pastes and the worker go first. */
const LOAD_DELAY_MS = 800

/**
 * Loads the chosen tokenizer on the UI thread too, in a quiet moment, so small edits can be
 * tokenized in the keystroke's own frame (TokenStream.editLocally). Costs the rank table
 * a second time (tens of megabytes) and main-thread work once per tokenizer; until it is
 * loaded, and for tokenizers the page cannot load (`canLoad`: Claude's legacy file, ones
 * opened from disk), the worker answers every edit. The bundled Hugging Face tokenizers load
 * from their compact form in short slices (bundledTokenizers.loadPageTokenizer), so the
 * window never freezes for their megabytes of JSON.
 */
export class LocalEncoderLoader {
  private wanted: TokenizerId | null = null
  private loaded: TokenizerId | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Bumped by every (re)schedule: an idle callback from an earlier one does nothing. */
  private ticket = 0

  /** @param onChange receives the loaded encoder, or null while the wanted one is not ready */
  constructor(
    private readonly onChange: (encoder: Tokenizer | null) => void,
    private readonly load: (id: TokenizerId) => Promise<Tokenizer> = loadPageTokenizer,
    private readonly canLoad: (id: TokenizerId) => boolean = loadsOnPage,
  ) {}

  /** Asks for `name` (the one in use); drops the encoder of any other at once. */
  want(name: TokenizerId): void {
    if (name === this.wanted) return
    this.wanted = name
    this.loaded = null
    this.onChange(null)
    if (this.canLoad(name)) this.schedule()
  }

  /** The tokenizer is working (a paste, an open, a switch): the load waits for quiet. */
  busy(): void {
    if (this.wanted !== null && this.loaded !== this.wanted && this.canLoad(this.wanted)) this.schedule()
  }

  private schedule(): void {
    const name = this.wanted
    const ticket = ++this.ticket
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const start = () => {
        if (ticket !== this.ticket || this.wanted !== name || this.loaded === name || name === null) return
        this.loaded = name
        this.load(name)
          .then((enc) => {
            if (this.wanted === name) this.onChange(enc)
          })
          // Without it every edit still works through the worker; try again at the next quiet moment.
          .catch(() => {
            if (this.loaded === name) this.loaded = null
          })
      }
      if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 })
      else start()
    }, LOAD_DELAY_MS)
  }

  /** Cancels a pending load. */
  dispose(): void {
    clearTimeout(this.timer)
    this.ticket++
    this.wanted = null
  }
}
