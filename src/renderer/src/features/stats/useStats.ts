import { tokenFrequencies } from '@shared/tools/stats'
import { useStableCallback } from '../../ui/useStableCallback'
import { stillCounting, stillCountingMessage } from '../../workspace/countingGuard'
import type { Workspace } from '../../workspace/workspace'

/** The stats panel's view of the tokens: frequencies once counting is done, a token's text, the text version. */
export function useStats(ws: Workspace) {
  const compute = useStableCallback(() => {
    const tokens = ws.streamRef.current?.current
    if (!tokens || stillCounting(tokens)) return { error: stillCountingMessage('count') }
    return { rows: tokenFrequencies(tokens), total: tokens.count }
  })
  const textOf = useStableCallback((i: number) => {
    const tokens = ws.streamRef.current?.current
    return tokens && i < tokens.count ? ws.slice(tokens.start(i), tokens.end(i)) : ''
  })
  return { compute, textOf }
}

