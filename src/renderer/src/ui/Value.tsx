import type { ReactNode } from 'react'

/**
 * A named value (a count, a total): a status that is not live, since it changes with every
 * keystroke (the app announces counts once per action instead). An aria-label on a dd, p or
 * div is not read by screen readers (their roles take no name); a status's is.
 */
export function Value({ name, children, className }: { name: string; children: ReactNode; className?: string }) {
  return (
    <span role="status" aria-live="off" aria-label={name} className={className}>
      {children}
    </span>
  )
}

/**
 * A glyph button's content (‹ › ✕): the glyph for the eye, hidden from screen readers, and
 * its name in text, so the accessible name is the content (no label-content mismatch). Give
 * the button the same `title`, so the pointer shows the name too.
 */
export function GlyphLabel({ glyph, name }: { glyph: string; name: string }) {
  return (
    <>
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{name}</span>
    </>
  )
}
