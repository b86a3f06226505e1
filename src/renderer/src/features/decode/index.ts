/** Decode: pasted token ids back to text, in a worker of its own. */
export { DecodePanel } from './DecodePanel'
export { useDecode } from './useDecode'
