import { memo, useId } from 'react'
import type { Projection } from '@shared/embeddings/pca'

/** Props of the SentenceMap. */
export interface SentenceMapProps {
  sentences: string[]
  projection: Projection
}

const W = 320
const H = 220
const PAD = 28

function short(s: string, max = 24): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/**
 * The sentences on a 2-D map (the first two principal components of their vectors): each
 * point labelled with its number and a focusable point whose name is its sentence and place;
 * the same as a list for screen readers and anyone who prefers text.
 */
export const SentenceMap = memo(function SentenceMap({ sentences, projection }: SentenceMapProps) {
  const id = useId()
  const { points, explained } = projection
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const span = (v: number[]) => {
    const lo = Math.min(...v)
    const hi = Math.max(...v)
    return { lo, size: hi - lo || 1 }
  }
  const sx = span(xs)
  const sy = span(ys)
  const at = (p: [number, number]) => [PAD + ((p[0] - sx.lo) / sx.size) * (W - 2 * PAD), H - PAD - ((p[1] - sy.lo) / sy.size) * (H - 2 * PAD)] as const
  const share = `${Math.round(explained[0] * 100)}% and ${Math.round(explained[1] * 100)}%`
  return (
    <figure className="embeddings-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={`${id}-cap`}>
        <line x1={PAD / 2} x2={W - PAD / 2} y1={H - PAD / 2} y2={H - PAD / 2} className="embeddings-axis" />
        <line x1={PAD / 2} x2={PAD / 2} y1={PAD / 2} y2={H - PAD / 2} className="embeddings-axis" />
        {points.map((p, i) => {
          const [x, y] = at(p)
          // Labels on the right half run leftwards, so none leaves the map.
          const right = x > W / 2
          return (
            <g
              key={i}
              className="embeddings-point"
              tabIndex={0}
              role="img"
              aria-label={`Sentence ${i + 1}: ${sentences[i]} (x ${p[0].toFixed(2)}, y ${p[1].toFixed(2)})`}
            >
              <title>{`${i + 1}. ${sentences[i]}`}</title>
              <circle cx={x} cy={y} r={6} />
              <text x={right ? x - 9 : x + 9} y={y + 4} textAnchor={right ? 'end' : 'start'}>
                {`${i + 1} ${short(sentences[i])}`}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption id={`${id}-cap`}>
        Map of the sentences: their 512-dimensional vectors projected on the two directions in which they differ most (PCA; these hold {share} of the
        spread). Close points mean similar sentences.
      </figcaption>
      <details className="embeddings-map-text">
        <summary>The map as text</summary>
        <ul>
          {points.map((p, i) => (
            <li key={i}>
              {i + 1}. {sentences[i]}: x {p[0].toFixed(2)}, y {p[1].toFixed(2)}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  )
})
