/**
 * What the service worker does with a request, as a pure function (unit-tested; the worker in
 * service-worker.ts only carries it out).
 */
export type SwRoute =
  /** Not ours to touch: the browser fetches it as if there were no worker. */
  | 'pass'
  /** A page: network first, the cached index.html without a network. */
  | 'shell'
  /** A hashed build file: from the cache, else the network (and kept). */
  | 'hashed'

/** Board data, tokens and live sync stay strictly between page and server. */
const NEVER = ['/api/', '/sync/', '/healthz']

export function swRoute(request: { method: string; url: string; mode: string }, origin: string): SwRoute {
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== origin) return 'pass'
  if (NEVER.some((prefix) => url.pathname.startsWith(prefix)) || url.pathname === '/sync') return 'pass'
  if (request.mode === 'navigate') return 'shell'
  return url.pathname.startsWith('/assets/') ? 'hashed' : 'pass'
}
