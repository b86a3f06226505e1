import { useEffect, useState } from 'react'
import type { TokenReplay } from '@shared/merges/replay'
import { MergeReplayClient } from './mergeReplayClient'
import type { ReplayTarget } from './mergeReplayProtocol'

/** What the replay shows: nothing yet, the answer for a target, or an error. */
export type ReplayState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; replay: TokenReplay } | { status: 'error'; message: string }

/**
 * The replay of `target` while `active` (the disclosure is open), from a worker owned by the
 * component (started on the first request, ended on unmount). A hover that moves on quickly
 * leaves only the newest request answered.
 */
export function useMergeReplay(target: ReplayTarget | null, active: boolean): ReplayState {
  const [client] = useState(() => new MergeReplayClient())
  const [state, setState] = useState<ReplayState>({ status: 'idle' })
  useEffect(() => () => client.dispose(), [client])
  useEffect(() => {
    if (!active || !target) return
    let live = true
    setState({ status: 'loading' })
    client.replay(target).then(
      (replay) => live && replay && setState({ status: 'done', replay }),
      (err: unknown) => live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    )
    return () => {
      live = false
    }
  }, [client, active, target])
  return state
}
