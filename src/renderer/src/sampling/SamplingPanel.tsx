import { useState } from 'react'
import { LogprobsSource } from './LogprobsSource'
import { SamplingLab, type LabInput } from './SamplingLab'

/** Props of the SamplingPanel. */
export interface SamplingPanelProps {
  onClose(): void
}

/** The sampling lab with its sources of distributions, as mounted in the app (loaded lazily). */
export default function SamplingPanel({ onClose }: SamplingPanelProps) {
  const [input, setInput] = useState<LabInput | null>(null)
  return <SamplingLab input={input} onClose={onClose} sources={<LogprobsSource onLoad={setInput} />} />
}
