/** Limits: the text against 1,024, 4,096, the model's window and a custom limit; where each cuts; fitting to one. */
export { LimitsPanel } from './LimitsPanel'
export { useLimits } from './useLimits'
export { fitToLimit } from './fitToLimit'
