import { COST_THRESHOLDS } from '@shared/tools/stats'

/** Each colour of the density strip with the characters per token it stands for, most per token first. */
function levels(): { level: number; range: string }[] {
  const t = COST_THRESHOLDS
  return [
    { level: 0, range: `${t[0]} or more` },
    ...t.slice(1).map((low, i) => ({ level: i + 1, range: `${low}–${t[i]}` })),
    { level: t.length, range: `under ${t[t.length - 1]}` },
  ]
}

/** The density strip's key, under the editor while the strip is shown: what each colour means. */
export function DensityLegend() {
  return (
    <p className="density-legend" aria-label="Density strip legend">
      <span>Density strip, characters per token:</span>
      {levels().map(({ level, range }) => (
        <span key={level} className="density-legend-item">
          <span className={`density-swatch cm-cost-${level}`} aria-hidden="true" />
          {range}
        </span>
      ))}
      <span className="hint">(prose has many; digits, base64, CJK and emoji few)</span>
    </p>
  )
}
