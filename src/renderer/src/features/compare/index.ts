/** Compare: the text's count in every encoding side by side, and two encodings aligned token by token. */
export { ComparePanel } from './ComparePanel'
export { useCompareSource } from './useCompareSource'
