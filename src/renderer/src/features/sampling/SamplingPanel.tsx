import { useCallback, useMemo, useState } from 'react'
import { NEUTRAL_SETTINGS, type SamplingSettings } from '@shared/sampling/pipeline'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { useStableCallback } from '../../ui/useStableCallback'
import { LogprobsSource } from './LogprobsSource'
import { NgramSource, type NgramHost } from './NgramSource'
import { SamplingLab, type LabInput } from './SamplingLab'

/** Props of the SamplingPanel. */
export interface SamplingPanelProps {
  onClose(): void
  /** The document's tokens, caret and editing, for the n-gram model. */
  host: NgramHost
  /** Changes whenever the document's tokens do. */
  revision: unknown
  encoding: string
}

/** The sampling lab with its sources of distributions, as mounted in the app (loaded lazily). */
export default function SamplingPanel({ onClose, host, revision, encoding }: SamplingPanelProps) {
  const [input, setInput] = useState<LabInput | null>(null)
  const [sampler, setSampler] = useState({ settings: NEUTRAL_SETTINGS, seed: 42 })
  const onSettings = useCallback((settings: SamplingSettings, seed: number) => setSampler({ settings, seed }), [])
  // The lab re-renders when typing pauses, not on every keystroke.
  const settled = useDebouncedValue(revision, 300)
  const sources = useMemo(
    () => (
      <>
        <LogprobsSource onLoad={setInput} />
        <NgramSource host={host} revision={settled} encoding={encoding} settings={sampler.settings} seed={sampler.seed} onLoad={setInput} />
      </>
    ),
    [host, settled, encoding, sampler],
  )
  const close = useStableCallback(onClose)
  return <SamplingLab input={input} onClose={close} onSettings={onSettings} sources={sources} />
}
