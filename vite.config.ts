import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { boardPageHtml } from './scripts/board-page-html-plugin.ts'
import { serviceWorker } from './scripts/service-worker-plugin.ts'

// The dev server proxies API and websocket traffic to the Node server (npm run dev starts both).
const serverPort = Number(process.env.PORT ?? 8080)
const target = `http://127.0.0.1:${serverPort}`
// client/api/ and client/sync/ share their first path segment with the server's routes: their
// modules (/api/client.ts, /sync/binding.ts?t=…) are Vite's to serve, not the server's.
const sourceModule = /\.(ts|tsx)(\?|$)/
const toServer = { target, bypass: (req: { url?: string }) => (sourceModule.test(req.url ?? '') ? req.url : undefined) }

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [
    react(),
    serviceWorker('client/offline/service-worker.ts'),
    // tldraw asks for its translations (English, then the board's language) and the notes' font
    // only once it mounts: each would be another round trip after the board is already synced.
    boardPageHtml('client/pages/BoardPage.tsx', [
      { pattern: /^assets\/en-[\w-]{8}\.json$/, as: 'fetch' },
      { pattern: /^assets\/nl-[\w-]{8}\.json$/, as: 'fetch' },
      { pattern: /^assets\/IBMPlexSans-Medium-[\w-]{8}\.woff2$/, as: 'font' },
    ]),
    // A brotli and a gzip copy of every compressible file, made once here; the server only picks
    // one per request (server/http/static-client.ts). Fonts are compressed already.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  // @tldraw/assets is a list of `?url` imports of fonts, icons and translations; the dev
  // server's dependency pre-bundling cannot load those, Vite's own asset handling can.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    port: 5173,
    proxy: {
      '/api': toServer,
      '/healthz': target,
      '/sync': { ...toServer, ws: true },
    },
  },
})
