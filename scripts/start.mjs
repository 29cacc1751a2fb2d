// npm start: build the client once if no build exists, then run the server in this process tree.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('dist/client/index.html')) {
  console.error('No client build found; building it once (npm run build)…')
  const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
