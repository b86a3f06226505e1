/** Split: the text in chunks of at most N tokens, each verified by counting it alone. */
export { SplitPanel } from './SplitPanel'
export { useSplit } from './useSplit'
