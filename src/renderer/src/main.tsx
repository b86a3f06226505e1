import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { detectHost } from './host'
import './styles.css'

const host = detectHost()
// The saved settings and draft come first, so the first screen is the one the user left.
void host.loadState().then((saved) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App host={host} saved={saved} />
    </StrictMode>,
  )
})
