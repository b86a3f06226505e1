import { useCallback, useEffect, useRef, useState } from 'react'
import { parseSettings, settingsForStart, withToggle, type Settings, type ViewToggle } from '@shared/contract/settings'
import type { LoadedStateResult } from '@shared/contract/ipc'
import type { ModelInfo } from '@shared/models/models'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { Host } from '../host/host'

/**
 * The user's settings: read from the saved state, saved on every change, the theme applied to
 * the page. The setters are stable, so the toolbar (with its long model list) re-renders only
 * when settings change. `settingsRef` holds the settings of the moment for callbacks.
 */
export function useSettings(host: Host, saved: LoadedStateResult, models: ModelInfo[] | null) {
  const [start] = useState(() => settingsForStart(parseSettings(saved.values.settings ?? null)))
  const [settings, setSettings] = useState<Settings>(start.settings)
  /**
   * The saved tokenizer from a file, while it is read again (useCustomTokenizer restores it):
   * the text counts with the default meanwhile, and the saved setting keeps the file's id
   * until the restore ends or the user picks another tokenizer.
   */
  const [restoring, setRestoring] = useState<TokenizerId | null>(start.restoreTokenizer)
  const settingsRef = useRef(settings)
  useEffect(() => {
    settingsRef.current = settings
  }, [settings])
  useEffect(() => {
    void host.saveState('settings', JSON.stringify(restoring ? { ...settings, encoding: restoring } : settings))
  }, [host, settings, restoring])
  /** The restore is over (the file was switched to, or could not be): the settings save as they are. */
  const endRestore = useCallback(() => setRestoring(null), [])
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = settings.theme
  }, [settings.theme])

  const update = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), [])
  const onEncoding = useCallback(
    (encoding: TokenizerId) => {
      setRestoring(null)
      update({ encoding, model: null })
    },
    [update],
  )
  const onModel = useCallback(
    (name: string | null) => {
      const m = name ? models?.find((x) => x.name === name) : undefined
      if (m) setRestoring(null)
      setSettings((s) =>
        m ? { ...s, model: m.name, encoding: m.encoding, activeLimit: 'model' } : { ...s, model: null, activeLimit: s.activeLimit === 'model' ? 'l4096' : s.activeLimit },
      )
    },
    [models],
  )
  const onSpecialMode = useCallback((specialMode: SpecialMode) => update({ specialMode }), [update])
  /** Sets a view toggle; opening a lab closes the others (withToggle). */
  const onToggle = useCallback((key: ViewToggle, on: boolean) => setSettings((s) => withToggle(s, key, on)), [])
  /** Flips a view toggle (the menu's check items). */
  const toggle = useCallback((key: ViewToggle) => setSettings((s) => withToggle(s, key, !s[key])), [])
  /** Closing a lab (sampling, trainer, embeddings, ...): its Close button goes with it, so focus goes back to the toolbar toggle that opened it. */
  const closeLab = useCallback(
    (key: ViewToggle) => {
      update({ [key]: false })
      document.querySelector<HTMLElement>(`.toolbar [data-toggle="${key}"]`)?.focus()
    },
    [update],
  )
  /** A custom limit set or cleared: it becomes active; cleared while active, 4,096 takes over. */
  const onCustomLimit = useCallback(
    (customLimit: number | null) =>
      setSettings((s) => ({ ...s, customLimit, activeLimit: customLimit === null ? (s.activeLimit === 'custom' ? 'l4096' : s.activeLimit) : 'custom' })),
    [],
  )

  return { settings, settingsRef, restoring, endRestore, update, onEncoding, onModel, onSpecialMode, onToggle, toggle, closeLab, onCustomLimit }
}
