import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The dev server proxies API and websocket traffic to the Node server (npm run dev starts both).
const serverPort = Number(process.env.PORT ?? 8080)
const target = `http://127.0.0.1:${serverPort}`

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': target,
      '/healthz': target,
      '/sync': { target, ws: true },
    },
  },
})
