// npm run demo:cluster: Dialoogbord as a cluster on this machine, to try scaling out. Starts a
// private PostgreSQL and Redis from the machine's binaries in temp dirs (the Debian packages
// postgresql and redis-server), two server processes on them, and a small round-robin proxy in
// front (every new connection to the next process) on PORT (default 8080). Ctrl-C stops it all
// and removes the temp dirs. Open http://localhost:8080, share a board, and open it twice:
// both tabs co-edit, most likely served by different processes (each answer says which in its
// X-Dialoogbord-Process header).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, request, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { buildServer, SERVER_BUNDLE } from './build-server.mjs'
import { withMallocSettings } from './server-env.mjs'
import { freePort } from '../server/testing/server-process.ts'
import { startPostgres } from '../server/testing/postgres-cluster.ts'
import { startRedis } from '../server/testing/redis-process.ts'

const PORT = Number(process.env.PORT ?? 8080)
const PROCESSES = 2

if (!existsSync('dist/client/index.html')) {
  console.error('Building the client (vite build)…')
  if (spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1)
}
console.error('Building the server…')
await buildServer(SERVER_BUNDLE)

console.error('Starting PostgreSQL and Redis…')
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
const children: ChildProcess[] = []
const stop = async () => {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)))
  await Promise.all([postgres.stop(), redis.stop()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

const ports: number[] = []
for (let i = 0; i < PROCESSES; i++) {
  const port = await freePort()
  ports.push(port)
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: withMallocSettings({
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${PORT}`,
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
    }),
  })
  children.push(child)
}
await Promise.all(ports.map((port) => waitForHealth(port)))

// Round robin per connection: a board's clients land on both processes.
let next = 0
const pick = () => ports[next++ % ports.length]!
const proxy = createServer((incoming, outgoing) => {
  const port = pick()
  const forwarded = request({ host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer: IncomingMessage) => {
    outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-dialoogbord-process': String(port) })
    answer.pipe(outgoing)
  })
  forwarded.on('error', () => outgoing.writeHead(502).end())
  incoming.pipe(forwarded)
})
// Websocket upgrades travel as raw TCP once the request head is passed on.
proxy.on('upgrade', (incoming: IncomingMessage, socket, head) => {
  const upstream = connect(pick(), '127.0.0.1', () => {
    const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`]
    for (let i = 0; i < incoming.rawHeaders.length; i += 2) lines.push(`${incoming.rawHeaders[i]}: ${incoming.rawHeaders[i + 1]}`)
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
    if (head.length > 0) upstream.write(head)
    upstream.pipe(socket).pipe(upstream)
  })
  upstream.on('error', () => socket.destroy())
  socket.on('error', () => upstream.destroy())
})
proxy.listen(PORT, () => {
  console.error(`\nDialoogbord cluster: http://localhost:${PORT} → processes on ports ${ports.join(' and ')}`)
  console.error(`PostgreSQL ${postgres.url}, Redis ${redis.url}. Ctrl-C stops everything.\n`)
})

async function waitForHealth(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the server on port ${port} did not come up`)
}
