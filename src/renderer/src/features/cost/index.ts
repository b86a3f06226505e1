/** Cost: what the text costs at a model's price (dated table or the user's own), and the price editor. */
export { CostLine, PriceCaption } from './CostLine'
