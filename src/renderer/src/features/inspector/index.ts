/** Inspector: the selected token's text, id, bytes and place. */
export { Inspector } from './Inspector'
