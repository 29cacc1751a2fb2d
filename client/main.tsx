import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { prefetchClientConfig } from './board/useClientConfig.ts'
import { parseRoute } from './app/routes.ts'
import { registerServiceWorker } from './offline/register.ts'
import { startBoardLookup } from './pages/board-lookup.ts'
import { startBoardConnection } from './pages/early-connection.ts'
import './styles.css'

// A board link (canvas or list): ask the server about the board while the page's code is still loading.
const route = parseRoute(window.location.pathname, window.location.search)
if ((route.page === 'board' || route.page === 'list') && route.token) {
  startBoardLookup(route.boardId, route.token)
  // And connect: the board's first sync arrives while tldraw downloads, too.
  startBoardConnection(route.boardId, route.token)
  // Only the canvas needs the client config (tldraw's licence key).
  if (route.page === 'board') prefetchClientConfig()
}
// The app shell is kept for offline reloads once the page is up (client/offline/).
registerServiceWorker(route.page === 'board')

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
