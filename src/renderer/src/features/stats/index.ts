/** Stats: how often each token occurs in the text. */
export { StatsPanel } from './StatsPanel'
export { useStats } from './useStats'
