/** Number of token colours; consecutive tokens cycle through them, so neighbours always differ. */
export const TOKEN_COLOUR_COUNT = 8

/** Colour slot of token `index`. */
export function tokenColourSlot(index: number): number {
  return index % TOKEN_COLOUR_COUNT
}
