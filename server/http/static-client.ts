/** Serves the built client, with the SPA's index.html for any other page path. */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export function staticClient(clientDir: string): Hono {
  const routes = new Hono()
  const indexFile = path.join(clientDir, 'index.html')
  if (!existsSync(indexFile)) {
    routes.get('*', (c) => c.text('The client is not built. Run `npm run build` (npm start does this for you).', 503))
    return routes
  }
  const indexHtml = readFileSync(indexFile, 'utf8')
  const root = path.relative(process.cwd(), clientDir) || '.'
  routes.use(
    '/assets/*',
    serveStatic({
      root,
      // Vite puts a content hash in every asset name, so they never change.
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  )
  routes.use('*', serveStatic({ root }))
  routes.get('*', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(indexHtml)
  })
  return routes
}
