import { useEffect, useRef, useState } from 'react'
import type { OpenTokenizerResult } from '@shared/contract/ipc'
import { DEFAULT_TOKENIZER, isIdOfOpenedTokenizer, tokenizerName, tokenizerShortName, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { summarizeUserTokenizer, type UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'
import type { Host } from '../../host/host'
import type { DroppedTokenizer } from '../../host/tokenizerFiles'
import { useStableCallback } from '../../ui/useStableCallback'
import type { Workspace } from '../../workspace/workspace'
import { applyUserTokenizer, type CheckedUserTokenizer } from './applyUserTokenizer'
import { checkTokenizerInWorker } from './checkInWorker'

/** Hosts whose opened-tokenizer events are already routed (the bridge cannot unsubscribe). */
const subscribedHosts = new WeakSet<Host>()

/** The saved tokenizer from a file to read again at start (useSettings' `restoring`), and how to end that wait. */
export interface TokenizerRestore {
  /** The saved id ('file: …') while it is restored; null once over, or when the user chose another tokenizer. */
  id: TokenizerId | null
  /** The restore is over without a switch (the file could not be had): the settings save the default. */
  end(): void
}

/**
 * A tokenizer.json from disk: File > Open Tokenizer…, the toolbar's Open tokenizer, a drop
 * and Open Recent Tokenizer all come here. Each file is checked in a worker; a refused one
 * gets its message in the status bar and changes nothing (the text, the tokenizer in use and
 * the last opened tokenizer stay). One that passes is kept (bytes and description) and handed
 * to applyUserTokenizer, which switches the editor to it.
 *
 * At start, when the saved tokenizer came from a file (`restore.id`), the host reads that file
 * again (in Electron main keeps its path) and it goes through the same check; the text counts
 * with the default meanwhile. A file that is gone, changed into something the check refuses,
 * or too large leaves the default in use, and the status bar says so.
 */
export function useCustomTokenizer(ws: Workspace, host: Host, select: (id: TokenizerId) => void, restore: TokenizerRestore = { id: null, end: () => undefined }) {
  const { setMessage } = ws
  const [opened, setOpened] = useState<(CheckedUserTokenizer & { id: TokenizerId | null }) | null>(null)
  const [checking, setChecking] = useState(false)
  /** Only the newest open counts: a slow check finishing after a newer one is dropped. */
  const generation = useRef(0)
  /** The id being restored, as of now (null once the user chose another tokenizer). */
  const restoring = useRef(restore.id)
  useEffect(() => {
    restoring.current = restore.id
  }, [restore.id])

  /**
   * Checks and applies an opened tokenizer. `restoreOf` is the saved id when this is the
   * start-up restore: its failures say the default stays, and it switches only while the
   * user has not picked another tokenizer meanwhile. Resolves to true when it was applied.
   */
  const take = useStableCallback(async (result: OpenTokenizerResult, restoreOf: TokenizerId | null = null) => {
    const lastTime = restoreOf ? `The tokenizer used last time (${tokenizerName(restoreOf)}) could not be opened again: ` : ''
    const keepDefault = restoreOf ? ` Counting with ${tokenizerShortName(DEFAULT_TOKENIZER)} instead; your text is unchanged.` : ''
    if (result.kind === 'cancelled') {
      if (restoreOf) setMessage({ tone: 'warning', text: `The tokenizer used last time (${tokenizerName(restoreOf)}) is no longer remembered.${keepDefault} Open its file again to use it.` })
      return false
    }
    if (result.kind === 'error') {
      setMessage({ tone: 'error', text: `${lastTime}${result.message}${keepDefault}` })
      return false
    }
    const mine = ++generation.current
    setChecking(true)
    setMessage({ tone: 'info', text: restoreOf ? `Opening the tokenizer used last time (${tokenizerName(restoreOf)}); counting with ${tokenizerShortName(DEFAULT_TOKENIZER)} meanwhile…` : `Checking the tokenizer from ${result.files.sourceName}…` })
    const check = await checkTokenizerInWorker(result.files)
    if (mine !== generation.current) return false
    setChecking(false)
    if (!check.ok) {
      setMessage({ tone: 'error', text: `${lastTime}${check.message}${restoreOf ? keepDefault : ' The tokenizer in use is unchanged.'}` })
      return false
    }
    if (restoreOf && !isIdOfOpenedTokenizer(restoreOf, check.description.name)) {
      // The file main read last is not the one the setting was saved for (that one was opened by its bytes alone).
      setMessage({ tone: 'warning', text: `The tokenizer used last time (${tokenizerName(restoreOf)}) was not opened from a file the app can read again.${keepDefault} Open its file again to use it.` })
      return false
    }
    const tokenizer = { files: result.files, description: check.description }
    // A restore finishing after the user picked another tokenizer is listed, not switched to.
    const switchTo = restoreOf === null || restoring.current === restoreOf ? select : () => undefined
    const applied = await applyUserTokenizer(ws, tokenizer, switchTo)
    setOpened({ ...tokenizer, id: 'id' in applied ? applied.id : null })
    const problem = 'problem' in applied ? applied.problem : ''
    const notes = check.description.notes.join(' ')
    const summary = `Opened ${summarizeUserTokenizer(check.description)}${restoreOf ? ' again (the tokenizer used last time)' : ''}.`
    setMessage({ tone: problem || notes ? 'warning' : 'info', text: [summary, notes, problem].filter(Boolean).join(' ') })
    return 'id' in applied
  })

  useEffect(() => {
    if (subscribedHosts.has(host)) return
    subscribedHosts.add(host)
    host.onTokenizerOpened((result) => void take(result))
  }, [host, take])

  // Once, at start: the saved tokenizer from a file is read again.
  const restoreStarted = useRef(false)
  const endRestore = useStableCallback(restore.end)
  useEffect(() => {
    const id = restoring.current
    if (id === null || restoreStarted.current) return
    restoreStarted.current = true
    setMessage({ tone: 'info', text: `Opening the tokenizer used last time (${tokenizerName(id)}); counting with ${tokenizerShortName(DEFAULT_TOKENIZER)} meanwhile…` })
    void host
      .restoreTokenizer()
      .then((result) => take(result, id))
      .then((applied) => {
        if (!applied) endRestore()
      })
  }, [host, take, setMessage, endRestore])

  /** Asks for a tokenizer file (File > Open Tokenizer…, the Open tokenizer button). */
  const open = useStableCallback(() => void host.openTokenizerFile().then((r) => take(r)))
  /** A tokenizer.json or model folder dropped on the window. */
  const openDropped = useStableCallback((drop: DroppedTokenizer) => void host.openDroppedTokenizer(drop).then((r) => take(r)))
  /** A tokenizer made in the page (the trainer's tokenizer.json): checked and used like a file. */
  const openTrained = useStableCallback((files: UserTokenizerFiles) => void take({ kind: 'opened', files }))
  return { opened, checking, open, openDropped, openTrained }
}
