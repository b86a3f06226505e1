import { useCallback, useEffect, useRef, useState } from 'react'
import type { SplitPatternName } from '@shared/training/preTokens'
import { TrainingRun } from './trainerClient'
import type { MergeRow, TrainingSource } from './trainerProtocol'

/** Rows the panel keeps (the latest merges); the saved file has them all. */
export const SHOWN_MERGES = 100

/** A finished training run. */
export interface TrainedResult {
  /** The tokenizer.json's bytes. */
  json: Uint8Array
  /** What it was trained on ("the editor's text", a file name, "3 files"). */
  source: string
  learned: number
  vocabSize: number
  stoppedEarly: boolean
  ms: number
}

/** Where a run is. */
export type TrainerPhase = 'idle' | 'counting' | 'training' | 'done' | 'cancelled' | 'error'

/** The panel's state: the phase, the latest merges, progress, the result and a message. */
export interface TrainerState {
  phase: TrainerPhase
  rows: MergeRow[]
  learned: number
  total: number
  preTokens: number | null
  result: TrainedResult | null
  message: string | null
}

const IDLE: TrainerState = { phase: 'idle', rows: [], learned: 0, total: 0, preTokens: null, result: null, message: null }

/** Runs training in a worker (one run at a time: a new run or Cancel ends the previous one). */
export function useTrainer() {
  const [state, setState] = useState<TrainerState>(IDLE)
  const run = useRef<TrainingRun | null>(null)
  useEffect(() => () => run.current?.cancel(), [])

  const start = useCallback((sources: TrainingSource[], sourceName: string, pattern: SplitPatternName, merges: number) => {
    run.current?.cancel()
    setState({ ...IDLE, phase: 'counting', total: merges })
    run.current = new TrainingRun({ type: 'train', sources, pattern, merges }, (msg) => {
      setState((s) => {
        switch (msg.type) {
          case 'counted':
            return { ...s, phase: 'training', preTokens: msg.preTokens, message: msg.skipped.length > 0 ? `Left out: ${msg.skipped.join(' ')}` : null }
          case 'merges': {
            const rows = s.rows.length + msg.rows.length > SHOWN_MERGES ? [...s.rows, ...msg.rows].slice(-SHOWN_MERGES) : [...s.rows, ...msg.rows]
            return { ...s, rows, learned: msg.learned }
          }
          case 'done':
            return {
              ...s,
              phase: 'done',
              learned: msg.learned,
              result: { json: new Uint8Array(msg.json), source: sourceName, learned: msg.learned, vocabSize: msg.vocabSize, stoppedEarly: msg.stoppedEarly, ms: msg.ms },
            }
          case 'error':
            return { ...s, phase: 'error', message: msg.message }
        }
        return s
      })
    })
  }, [])

  const cancel = useCallback(() => {
    run.current?.cancel()
    run.current = null
    setState((s) => (s.phase === 'counting' || s.phase === 'training' ? { ...s, phase: 'cancelled' } : s))
  }, [])

  return { state, start, cancel }
}
