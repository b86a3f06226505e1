import { useEffect, useState } from 'react'
import type { TokenReplay } from '@shared/merges/replay'
import { MergeReplayClient } from './mergeReplayClient'
import type { ReplayTarget } from './mergeReplayProtocol'

/** What the replay shows: nothing yet (or still working), the answer for the target, or an error. */
export type ReplayState = { status: 'loading' } | { status: 'done'; replay: TokenReplay } | { status: 'error'; message: string }

type Answer = { target: ReplayTarget } & ({ status: 'done'; replay: TokenReplay } | { status: 'error'; message: string })

/**
 * The replay of `target` while `active` (the disclosure is open), from a worker owned by the
 * component (started on the first request, ended on unmount). A hover that moves on quickly
 * leaves only the newest request answered.
 */
export function useMergeReplay(target: ReplayTarget | null, active: boolean): ReplayState {
  const [client] = useState(() => new MergeReplayClient())
  const [answer, setAnswer] = useState<Answer | null>(null)
  useEffect(() => () => client.dispose(), [client])
  useEffect(() => {
    if (!active || !target) return
    let live = true
    client.replay(target).then(
      (replay) => live && replay && setAnswer({ target, status: 'done', replay }),
      (err: unknown) => live && setAnswer({ target, status: 'error', message: err instanceof Error ? err.message : String(err) }),
    )
    return () => {
      live = false
    }
  }, [client, active, target])
  if (!answer || answer.target !== target) return { status: 'loading' }
  return answer.status === 'done' ? { status: 'done', replay: answer.replay } : { status: 'error', message: answer.message }
}
