/** The tokenizer lab's merge replay: how the inspected token is built, merge by merge (in a worker of its own). */
export { HowTokenIsBuilt } from './HowTokenIsBuilt'
export type { ReplayTarget } from './mergeReplayProtocol'
