import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { readChatDraft } from '../../shared/chat'
import { readSettings } from '../../shared/settings'
import { App } from './App'
import { detectHost } from './host'
import './styles.css'

const host = detectHost()
// The saved settings and draft come first, so the first screen is the one the user left.
void host.loadState().then((loaded) => {
  // Say what could not be kept of the saved settings and chat (the app keeps the rest).
  const damaged = [...readSettings(loaded.values.settings ?? null).problems, ...readChatDraft(loaded.values.chat ?? null).problems]
  const saved = { ...loaded, problems: [...loaded.problems, ...damaged] }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App host={host} saved={saved} />
    </StrictMode>,
  )
})
