import type { ReactNode } from 'react'

/** A collapsible sidebar panel for one tool (compare, stats, split, decode). */
export function ToolPanel({ title, className, children, onToggle }: { title: string; className: string; children: ReactNode; onToggle?(open: boolean): void }) {
  return (
    <details id={`tool-${className}`} className={`panel tool ${className}`} onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {children}
    </details>
  )
}

/** An inline error message that screen readers announce. */
export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  )
}
