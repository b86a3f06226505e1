import { useEffect, useMemo, useRef } from 'react'
import type { FileOpenedEvent, OpenTextFileResult } from '@shared/contract/ipc'
import type { Theme } from '@shared/contract/settings'
import type { Host } from '../host/host'
import type { StatusMessage } from '../ui/StatusBar'
import { runMenuCommand, webShortcut, type MenuActions } from './menuCommands'

/** Hosts whose events (menu, files, close) are already routed to the app: the bridge cannot unsubscribe, so subscribe once. */
const subscribedHosts = new WeakSet<Host>()

/** What the host's events go to. */
export interface HostEventHandlers {
  actions: MenuActions
  applyOpened(result: OpenTextFileResult, reason: FileOpenedEvent['reason']): void
  setMessage(message: StatusMessage): void
  /** Saves what is pending before the window closes. */
  beforeClose(): Promise<unknown>
}

/**
 * Routes the host's events to the app: native menu commands, files opened from outside,
 * notices, and the close handshake. The web build has no menu: Ctrl+S and Ctrl+O work as
 * shortcuts, and the toolbar gets New, Save and the theme (`webFileActions`).
 */
export function useMenuCommands(host: Host, handlers: HostEventHandlers) {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    if (subscribedHosts.has(host)) return
    subscribedHosts.add(host)
    host.onMenuCommand((c) => runMenuCommand(c, latest.current.actions))
    host.onFileOpened((e) => latest.current.applyOpened(e.result, e.reason))
    host.onNotice?.((m) => latest.current.setMessage(m))
    host.onBeforeClose(() => {
      // Save the draft and the chat now, then let the window close.
      void latest.current.beforeClose().finally(() => host.readyToClose())
    })
  }, [host])
  useEffect(() => {
    // In Electron the native menu owns these keys.
    if (host.nativeMenu) return
    const onKey = (e: KeyboardEvent) => {
      const shortcut = webShortcut(e)
      if (!shortcut) return
      e.preventDefault()
      if (shortcut === 'save') latest.current.actions.saveTextAs()
      else latest.current.actions.openFile()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [host])
  return useMemo(
    () =>
      host.nativeMenu
        ? undefined
        : {
            onNew: () => latest.current.actions.newText(),
            onSave: () => latest.current.actions.saveTextAs(),
            onTheme: (theme: Theme) => latest.current.actions.setTheme(theme),
          },
    [host],
  )
}
