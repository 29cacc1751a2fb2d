// npm start: build whatever is missing or older than its sources, then run the built server.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildServer, SERVER_BUNDLE } from './build-server.mjs'
import { withMallocSettings } from './server-env.mjs'

/** Newest modification time of the files under these paths (0 when none exist). */
function newest(paths) {
  let latest = 0
  for (const entry of paths) {
    if (!existsSync(entry)) continue
    const stat = statSync(entry)
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(entry).map((name) => path.join(entry, name))))
    else latest = Math.max(latest, stat.mtimeMs)
  }
  return latest
}

const outdated = (output, sources) => !existsSync(output) || newest(sources) > statSync(output).mtimeMs

const CLIENT_BUILD = 'dist/client/index.html'
if (outdated(CLIENT_BUILD, ['client', 'shared', 'templates', 'vite.config.ts', 'scripts/service-worker-plugin.ts', 'scripts/board-page-html-plugin.ts', 'package-lock.json'])) {
  console.error('Building the client (vite build)…')
  const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
if (outdated(SERVER_BUNDLE, ['server', 'shared', 'templates', 'package-lock.json'])) {
  console.error('Building the server…')
  await buildServer()
}

const server = spawn(process.execPath, [SERVER_BUNDLE], { stdio: 'inherit', env: withMallocSettings() })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
