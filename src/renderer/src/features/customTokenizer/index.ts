/** Custom tokenizer: a tokenizer.json (or model folder) from disk, checked in a worker, described, and handed to the tokenizer switch. */
export { OpenedTokenizer, OpenTokenizerButton } from './OpenedTokenizer'
export { useCustomTokenizer } from './useCustomTokenizer'
export { applyUserTokenizer, type CheckedUserTokenizer } from './applyUserTokenizer'
