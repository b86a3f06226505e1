import type { MouseEvent } from 'react'

/** The sidebar's tool panels, in order: the id of each panel's element (ToolPanel's `tool-<className>`) and a short name. */
const TOOLS: { id: string; name: string }[] = [
  { id: 'tool-chat', name: 'Chat' },
  { id: 'tool-compare', name: 'Compare' },
  { id: 'tool-stats', name: 'Top tokens' },
  { id: 'tool-split', name: 'Split' },
  { id: 'tool-decode', name: 'Decode' },
  { id: 'tool-vocab', name: 'Vocabulary' },
]

/** Opens the tool panel `id`, scrolls it into view and puts focus on its heading. */
function goTo(event: MouseEvent, id: string) {
  const panel = document.getElementById(id)
  if (!(panel instanceof HTMLDetailsElement)) return
  event.preventDefault()
  panel.open = true
  panel.scrollIntoView({ block: 'start' })
  panel.querySelector('summary')?.focus()
}

/**
 * A line of links at the top of the sidebar, one per tool panel: at 1280 x 800 the tools sit
 * below the fold, where a newcomer does not find them. A link opens its panel, scrolls to it
 * and moves focus there.
 */
export function ToolsNav() {
  return (
    <nav className="tools-nav" aria-label="Tools">
      <span className="tools-nav-label" aria-hidden="true">
        Tools:
      </span>
      <ul>
        {TOOLS.map((t) => (
          <li key={t.id}>
            <a href={`#${t.id}`} onClick={(e) => goTo(e, t.id)}>
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
