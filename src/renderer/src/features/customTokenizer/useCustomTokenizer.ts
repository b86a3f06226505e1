import { useEffect, useRef, useState } from 'react'
import type { OpenTokenizerResult } from '@shared/app/ipc'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { summarizeUserTokenizer } from '@shared/tokenizer/userTokenizer'
import type { Host } from '../../host/host'
import type { DroppedTokenizer } from '../../host/tokenizerFiles'
import { useStableCallback } from '../../ui/useStableCallback'
import type { Workspace } from '../../workspace/workspace'
import { applyUserTokenizer, type CheckedUserTokenizer } from './applyUserTokenizer'
import { checkTokenizerInWorker } from './checkInWorker'

/** Hosts whose opened-tokenizer events are already routed (the bridge cannot unsubscribe). */
const subscribedHosts = new WeakSet<Host>()

/**
 * A tokenizer.json from disk: File > Open Tokenizer…, the toolbar's Open tokenizer, a drop
 * and Open Recent Tokenizer all come here. Each file is checked in a worker; a refused one
 * gets its message in the status bar and changes nothing (the text, the tokenizer in use and
 * the last opened tokenizer stay). One that passes is kept (bytes and description) and handed
 * to applyUserTokenizer, which switches the editor to it.
 */
export function useCustomTokenizer(ws: Workspace, host: Host, select: (id: TokenizerId) => void) {
  const { setMessage } = ws
  const [opened, setOpened] = useState<(CheckedUserTokenizer & { id: TokenizerId | null }) | null>(null)
  const [checking, setChecking] = useState(false)
  /** Only the newest open counts: a slow check finishing after a newer one is dropped. */
  const generation = useRef(0)

  const take = useStableCallback(async (result: OpenTokenizerResult) => {
    if (result.kind === 'cancelled') return
    if (result.kind === 'error') {
      setMessage({ tone: 'error', text: result.message })
      return
    }
    const mine = ++generation.current
    setChecking(true)
    setMessage({ tone: 'info', text: `Checking the tokenizer from ${result.files.sourceName}…` })
    const check = await checkTokenizerInWorker(result.files)
    if (mine !== generation.current) return
    setChecking(false)
    if (!check.ok) {
      setMessage({ tone: 'error', text: `${check.message} The tokenizer in use is unchanged.` })
      return
    }
    const tokenizer = { files: result.files, description: check.description }
    const applied = await applyUserTokenizer(ws, tokenizer, select)
    setOpened({ ...tokenizer, id: 'id' in applied ? applied.id : null })
    const problem = 'problem' in applied ? applied.problem : ''
    const notes = check.description.notes.join(' ')
    setMessage({ tone: problem || notes ? 'warning' : 'info', text: [`Opened ${summarizeUserTokenizer(check.description)}.`, notes, problem].filter(Boolean).join(' ') })
  })

  useEffect(() => {
    if (subscribedHosts.has(host)) return
    subscribedHosts.add(host)
    host.onTokenizerOpened((result) => void take(result))
  }, [host, take])

  /** Asks for a tokenizer file (File > Open Tokenizer…, the Open tokenizer button). */
  const open = useStableCallback(() => void host.openTokenizerFile().then(take))
  /** A tokenizer.json or model folder dropped on the window. */
  const openDropped = useStableCallback((drop: DroppedTokenizer) => void host.openDroppedTokenizer(drop).then(take))
  return { opened, checking, open, openDropped }
}
