/**
 * The app's pages, from the URL. Tiny on purpose: no router library for
 * `/`, `/b/:id`, `/b/:id/lijst`, `/toegankelijkheid`, `/admin` and "anything else".
 */
import { boardIdParam } from '../../shared/api.ts'

export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; token: string | null }
  /** The board as an accessible list (client/list/): the same board, link and role, without the canvas. */
  | { page: 'list'; boardId: string; token: string | null }
  | { page: 'admin' }
  | { page: 'accessibility' }
  | { page: 'not-found' }

/** The accessibility statement (CONTRACT "List view and accessibility"). */
export const ACCESSIBILITY_PATH = '/toegankelijkheid'

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' }
  if (pathname === '/admin' || pathname === '/admin/') return { page: 'admin' }
  // One path in both languages: the statement follows the app's language switch.
  if (pathname === ACCESSIBILITY_PATH || pathname === `${ACCESSIBILITY_PATH}/`) return { page: 'accessibility' }
  const match = /^\/b\/([^/]+)(\/lijst)?\/?$/.exec(pathname)
  if (match) {
    let boardId: string
    try {
      boardId = decodeURIComponent(match[1]!)
    } catch {
      return { page: 'not-found' }
    }
    if (!boardIdParam.safeParse(boardId).success) return { page: 'not-found' }
    const token = new URLSearchParams(search).get('token')
    return { page: match[2] ? 'list' : 'board', boardId, token: token || null }
  }
  return { page: 'not-found' }
}

/** A board's list view, with the link's token (the canvas links here, the list links back with boardPath). */
export function listPath(boardId: string, token: string | null): string {
  return `/b/${encodeURIComponent(boardId)}/lijst${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/** A board's canvas, with the link's token. */
export function boardPath(boardId: string, token: string | null): string {
  return `/b/${encodeURIComponent(boardId)}${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

const NAVIGATE_EVENT = 'dialoogbord:navigate'

/** Client-side navigation to a same-origin path (a full URL from the server is reduced to its path). */
export function navigate(to: string): void {
  const url = new URL(to, window.location.href)
  const path = url.pathname + url.search + url.hash
  if (path === window.location.pathname + window.location.search + window.location.hash) return
  window.history.pushState(null, '', path)
  // A new page starts at its top, as after a page load (a link in the home page's footer left us scrolled down).
  window.scrollTo(0, 0)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** For useSyncExternalStore: fires on back/forward and on navigate(). */
export function subscribeToLocation(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE_EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE_EVENT, listener)
  }
}

export function currentHref(): string {
  return window.location.pathname + window.location.search
}
