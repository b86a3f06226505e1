/**
 * When tokens are drawn as boxes (`display: inline-block`) instead of inline spans.
 *
 * Typing in a line costs the browser time for every element in that line: after each
 * insertion Blink re-shapes the whole paragraph item by item, and each inline token span is
 * an item (a minified JSON line of thousands of tokens slows every key). A token drawn as an
 * inline-block is its own little paragraph, so a keystroke re-shapes one token. Boxes change
 * how a line wraps (between tokens, never inside one) and would break right-to-left text
 * (each box is a bidi isolate), so only long lines without right-to-left text get them.
 */

/** Lines at least this long draw their tokens as boxes. */
export const TOKEN_BOX_MIN_LINE_CHARS = 2_000

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms,
 * and the astral right-to-left blocks) and the explicit bidi controls.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202a-\u202e\u2066-\u2069]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/

/** Whether `text` holds right-to-left letters or bidi controls, whose order boxes would break. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text)
}

/**
 * How far around the part of a line on screen to look for right-to-left text. A box is a
 * neutral character to the bidi algorithm, so boxes between right-to-left words would be
 * laid out right to left even when those words are off screen. Scanning a whole line of
 * megabytes on every keystroke would cost a good part of a frame; with left-to-right letters anywhere in this much
 * text on each side, right-to-left words further away cannot reorder the boxes.
 */
export const BIDI_SCAN_CHARS = 64 * 1024

/**
 * Whether the tokens of a line `lineLength` characters long are drawn as boxes; `nearText`
 * gives the line's text around the part drawn (BIDI_SCAN_CHARS each way; read only for long
 * lines).
 */
export function drawsTokenBoxes(lineLength: number, nearText: () => string): boolean {
  return lineLength >= TOKEN_BOX_MIN_LINE_CHARS && !hasRightToLeft(nearText())
}
