import { memo } from 'react'

/** Props of the SimilarityTable. */
export interface SimilarityTableProps {
  sentences: string[]
  /** count x count cosines, row-major. */
  matrix: Float64Array
}

/** Two decimals, as the lab shows every cosine ("-0.05", "1.00"). */
export function formatCosine(c: number): string {
  const s = c.toFixed(2)
  return s === '-0.00' ? '0.00' : s
}

/** The cosine matrix as a table named Similarity: a row and a column per sentence, each cell shaded by its value. */
export const SimilarityTable = memo(function SimilarityTable({ sentences, matrix }: SimilarityTableProps) {
  const n = sentences.length
  return (
    <>
    <p className="hint">Cosine similarity of each pair (1.00: same direction; near 0: unrelated)</p>
    <div className="embeddings-table-wrap" tabIndex={0} role="region" aria-label="Similarity matrix (scrolls)">
      <table className="embeddings-matrix" aria-label="Similarity">
        <thead>
          <tr>
            <td />
            {sentences.map((s, j) => (
              <th key={j} scope="col" title={s}>
                {j + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sentences.map((s, i) => (
            <tr key={i}>
              <th scope="row" title={s}>
                <span className="embeddings-num">{i + 1}</span> <span className="embeddings-sentence">{s}</span>
              </th>
              {Array.from({ length: n }, (_, j) => {
                const c = matrix[i * n + j]
                return (
                  <td key={j} className="embeddings-cell" style={{ '--sim': Math.max(0, c).toFixed(3) } as React.CSSProperties}>
                    {formatCosine(c)}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  )
})
