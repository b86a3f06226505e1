/** Token ids: the ids of the tokens on screen, beside the text. */
export { TokenIdPanel } from './TokenIdPanel'
