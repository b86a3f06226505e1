import { useCallback, useRef, useState } from 'react'
import { formatCount } from '@shared/text/format'
import { describeToken, type TokenInfo } from '@shared/display/tokenInfo'
import { FLAG_PARTIAL } from '@shared/tokenizer/tokenSpans'
import { bytesToHex } from '@shared/text/utf8'
import { withVisibleWhitespace } from '@shared/display/visibleText'
import { docCodePointOffset } from '../editor/docCodePoints'
import { clusterBreakTest } from '../editor/clusterBreaks'
import { lineDensityAt, type LineDensity } from '../editor/densityStrip'
import type { Workspace } from '../workspace/workspace'
import { replayTargetOf } from './replayTarget'
import type { ReplayTarget } from '../features/mergeReplay'

/**
 * The inspected token (its details, exact bytes and line cost) and the one live region that
 * tells screen readers which token the keyboard reached. The refs let the editor wiring keep
 * the inspector on its token across edits and encoding switches.
 */
export function useInspector(ws: Workspace) {
  const [inspected, setInspectedState] = useState<number | null>(null)
  const [info, setInfo] = useState<TokenInfo | null>(null)
  const [bytes, setBytes] = useState<{ index: number; hex: string; count: number } | null>(null)
  /** The inspected token's line: what the cost strip beside it shows, in text. */
  const [lineCost, setLineCost] = useState<LineDensity | null>(null)
  /** The inspected token for the merge replay (its line, place and id). */
  const [replayTarget, setReplayTarget] = useState<ReplayTarget | null>(null)
  /** What the one live region says (a token reached by keyboard, a new count after a switch). */
  const [announcement, setAnnouncement] = useState('')
  const inspectedRef = useRef<number | null>(null)
  /** A text position whose token the inspector shows once the new encoding's tokens arrive. */
  const inspectAtPos = useRef<number | null>(null)
  const inspectTimer = useRef<number | undefined>(undefined)
  const { viewRef, streamRef, clientRef, settingsRef } = ws

  /** Shows token `index` in the inspector: its details now, its exact bytes as soon as known. */
  const inspect = useCallback(
    (index: number | null) => {
      inspectedRef.current = index
      setInspectedState(index)
      const view = viewRef.current
      const current = streamRef.current?.current
      const doc = view?.state.doc
      const base =
        current && doc && index !== null && index < current.count
          ? describeToken((a, b) => doc.sliceString(a, Math.min(b, doc.length)), current, index, clusterBreakTest(view.state), (pos) => docCodePointOffset(doc, pos))
          : null
      if (!base || !current) {
        setInfo(null)
        setBytes(null)
        setReplayTarget(null)
        return
      }
      setInfo(base)
      if (doc) setReplayTarget((old) => replayTargetOf(old, doc, settingsRef.current.encoding, base.start, base.id))
      setLineCost(view ? lineDensityAt(view.state, base.start) : null)
      if (!(current.flags(base.index) & FLAG_PARTIAL)) {
        // A whole token's bytes are its text's UTF-8 bytes.
        const b = new TextEncoder().encode(base.text)
        setBytes({ index: base.index, hex: bytesToHex(b), count: b.length })
        return
      }
      // A partial token's bytes come from the vocabulary, never from decoding.
      setBytes(null)
      const encoding = settingsRef.current.encoding
      void clientRef.current?.tokenBytes(encoding, [base.id]).then(([b]) => {
        if (b && inspectedRef.current === base.index) setBytes({ index: base.index, hex: bytesToHex(b), count: b.length })
      })
    },
    [viewRef, streamRef, clientRef, settingsRef],
  )

  /** Tells screen readers which token the keyboard moved to. */
  const announceToken = useCallback(
    (index: number | null) => {
      const view = viewRef.current
      const tokens = streamRef.current?.current
      if (index === null || !view || !tokens || index >= tokens.count) return
      const text = view.state.doc.sliceString(tokens.start(index), Math.min(tokens.end(index), view.state.doc.length))
      setAnnouncement(`Token ${formatCount(index + 1)} of ${formatCount(tokens.count)}: ${withVisibleWhitespace(text) || 'part of a character'}, id ${tokens.id(index)}`)
    },
    [viewRef, streamRef],
  )

  /** Inspects a token; when the keyboard asked (a step button, the id list's arrows), says which. */
  const inspectAndAnnounce = useCallback(
    (index: number, source?: 'keyboard') => {
      inspect(index)
      if (source === 'keyboard') announceToken(index)
    },
    [inspect, announceToken],
  )

  /** The bytes shown: only those of the token shown (a newer token's may still be on their way). */
  const shownBytes = bytes && info && bytes.index === info.index ? bytes : null

  return { replayTarget, inspected, info, shownBytes, lineCost, announcement, setAnnouncement, inspectedRef, inspectAtPos, inspectTimer, inspect, announceToken, inspectAndAnnounce }
}
