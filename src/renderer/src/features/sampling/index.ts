/** The sampling lab: a next-token distribution (from an API response or an n-gram model) drawn and sampled. */
export { useSamplingHost } from './useSamplingHost'
