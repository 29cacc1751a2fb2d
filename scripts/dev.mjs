// npm run dev: the server (restarted on change) and Vite with HMR, side by side.
import { spawn } from 'node:child_process'

const children = [
  spawn('npx', ['tsx', 'watch', 'server/main.ts'], { stdio: 'inherit', env: { ...process.env, ALLOWED_ORIGINS: 'http://localhost:5173,http://127.0.0.1:5173' } }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
]
const stop = () => children.forEach((child) => child.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0 })
