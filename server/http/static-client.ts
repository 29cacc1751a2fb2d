/**
 * Serves the built client, with the SPA's index.html for any other page path.
 *
 * `vite build` writes a brotli (`.br`) and a gzip (`.gz`) copy next to every compressible file
 * (vite.config.ts), once: here each request only picks the copy its Accept-Encoding allows
 * (br > gzip > identity). The build is small (a few MB), so it is read into memory at start-up;
 * a file without compressed copies is served as it is.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { Hono, type Context } from 'hono'
import { accepts } from 'hono/accepts'
import { getMimeType } from 'hono/utils/mime'

/** Content codings we have copies of, best first. */
const CODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const
type Coding = (typeof CODINGS)[number]['name'] | 'identity'

/** Vite puts a content hash in every asset name, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Page HTML and the service worker: always ask whether there is a newer build. */
const REVALIDATE = 'no-cache'

interface Variant {
  body: Uint8Array<ArrayBuffer>
  etag: string
}

interface StaticFile {
  contentType: string
  cacheControl: string
  variants: Partial<Record<Coding, Variant>> & { identity: Variant }
}

export function staticClient(clientDir: string): Hono {
  const routes = new Hono()
  const indexFile = path.join(clientDir, 'index.html')
  if (!existsSync(indexFile)) {
    routes.get('*', (c) => c.text('The client is not built. Run `npm run build` (npm start does this for you).', 503))
    return routes
  }
  const files = readBuild(clientDir)
  const index = files.get('/index.html')!
  // index.html with preloads for the board page's code (scripts/board-page-html-plugin.ts).
  const boardPage = files.get('/board.html') ?? index
  routes.on(['GET', 'HEAD'], '*', (c) => {
    const file = files.get(c.req.path)
    if (file) return send(c, file)
    // A missing hashed file is a 404, not the page: a cache must never keep HTML under a .js name.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404)
    return send(c, isCanvasPage(c.req.path) ? boardPage : index)
  })
  return routes
}

/**
 * A board's canvas (/b/:id): its page preloads tldraw. The list view (/b/:id/lijst) loads none of
 * that, so it gets the plain index and its small chunk comes first.
 */
function isCanvasPage(pathname: string): boolean {
  return pathname.startsWith('/b/') && !/^\/b\/[^/]+\/lijst\/?$/.test(pathname)
}

/** Every file of the build by URL path, with its compressed copies beside it. */
function readBuild(clientDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  const names = (readdirSync(clientDir, { recursive: true }) as string[]).map((name) => name.split(path.sep).join('/'))
  const present = new Set(names)
  for (const name of names) {
    const full = path.join(clientDir, name)
    if (CODINGS.some(({ suffix }) => name.endsWith(suffix)) || !statSync(full).isFile()) continue
    const body = readFileSync(full)
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22)
    const variants: StaticFile['variants'] = { identity: { body, etag: `"${hash}"` } }
    for (const { name: coding, suffix } of CODINGS) {
      if (present.has(name + suffix)) variants[coding] = { body: readFileSync(full + suffix), etag: `"${hash}-${coding}"` }
    }
    const hashed = name.startsWith('assets/')
    files.set(`/${name}`, {
      contentType: getMimeType(name) ?? 'application/octet-stream',
      cacheControl: hashed ? IMMUTABLE : REVALIDATE,
      variants,
    })
  }
  return files
}

function send(c: Context, file: StaticFile): Response {
  const coding = chooseCoding(c, file)
  const variant = file.variants[coding] ?? file.variants.identity
  c.header('Cache-Control', file.cacheControl)
  c.header('ETag', variant.etag)
  // Caches must keep one copy per coding, whether or not this answer is compressed.
  if (Object.keys(file.variants).length > 1) c.header('Vary', 'Accept-Encoding')
  if (ifNoneMatch(c.req.header('If-None-Match'), variant.etag)) return c.body(null, 304)
  c.header('Content-Type', file.contentType)
  if (coding !== 'identity') c.header('Content-Encoding', coding)
  c.header('Content-Length', String(variant.body.byteLength))
  return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(variant.body, 200)
}

/** The best coding the client accepts (q > 0) that this file has a copy in; br before gzip at equal q. */
function chooseCoding(c: Context, file: StaticFile): Coding {
  return accepts(c, {
    header: 'Accept-Encoding',
    supports: [...CODINGS.map(({ name }) => name), 'identity'],
    default: 'identity',
    match: (offered) => {
      const q = (name: string) => offered.find((entry) => entry.type.toLowerCase() === name)?.q ?? offered.find((entry) => entry.type === '*')?.q ?? 0
      let best: Coding = 'identity'
      let bestQ = 0
      for (const { name } of CODINGS) {
        if (file.variants[name] && q(name) > bestQ) {
          best = name
          bestQ = q(name)
        }
      }
      return best
    },
  }) as Coding
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })
}
