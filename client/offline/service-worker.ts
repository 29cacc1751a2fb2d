/**
 * The service worker (built to /sw.js by scripts/service-worker-plugin.ts): keeps the app shell
 * so a board opened before reloads without a network; the board itself comes from IndexedDB.
 *
 * - Navigations go to the network first (a new deploy is seen at once) and fall back to the
 *   cached index.html without a network, or after 4 s without an answer. The shell is cached under its own path only, never under a board URL,
 *   so no link token ends up in a cache key (and index.html holds no token).
 * - Hashed files (/assets/*) never change: from the cache, else from the network and kept.
 * - /api/* and /sync/* are never touched: boards, tokens and live sync stay between page and server.
 * - A new build installs, takes over at once (skipWaiting, clients.claim) and drops older caches.
 *
 * Deliberately not in tsconfig's DOM world: the few service-worker types used are declared here.
 */
import { swRoute } from './sw-routes.ts'

/** Set at build time: a hash of every file in PRECACHE, and their paths. */
declare const __SHELL_VERSION__: string
declare const __PRECACHE__: readonly string[]

interface LifecycleEvent extends Event {
  waitUntil(work: Promise<unknown>): void
}
interface FetchRequestEvent extends LifecycleEvent {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
interface WorkerScope {
  readonly location: Location
  readonly clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchRequestEvent) => void): void
}

const worker = self as unknown as WorkerScope
const CACHE_PREFIX = 'dialoogbord-shell-'
const CACHE = CACHE_PREFIX + __SHELL_VERSION__
const SHELL = '/index.html'
/** A page the network has not started answering after this long comes from the cache instead. */
const SLOW_NETWORK_MS = 4_000

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      // The HTML is revalidated; hashed files may come from the HTTP cache the page just filled.
      await cache.addAll(__PRECACHE__.map((path) => new Request(path, { cache: path === SHELL ? 'no-cache' : 'default' })))
      await worker.skipWaiting()
    })(),
  )
})

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name)
      await worker.clients.claim()
    })(),
  )
})

worker.addEventListener('fetch', (event) => {
  const { request } = event
  const route = swRoute(request, worker.location.origin)
  if (route === 'shell') event.respondWith(pageOrShell(request))
  else if (route === 'hashed') event.respondWith(hashedFile(request))
})

async function pageOrShell(request: Request): Promise<Response> {
  const fromNetwork = fetch(request)
  // Its failure is handled below, or no longer matters once the shell answered.
  fromNetwork.catch(() => undefined)
  // On a line that connects but hardly answers (venue wifi), the shell is as good as the page:
  // every page path gets the same HTML. A new deploy still arrives through the worker's update.
  const slow = new Promise<Response | undefined>((resolve) => setTimeout(() => resolve(shell()), SLOW_NETWORK_MS))
  try {
    const first = await Promise.race([fromNetwork, slow])
    return first ?? (await fromNetwork)
  } catch (offline) {
    const cached = await shell()
    if (cached) return cached
    throw offline
  }
}

function shell(): Promise<Response | undefined> {
  return caches.match(SHELL, { cacheName: CACHE })
}

async function hashedFile(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  // Whole answers only (a 206 cannot be cached); a full disk only means it is not kept.
  if (response.status === 200) await cache.put(request, response.clone()).catch(() => undefined)
  return response
}
