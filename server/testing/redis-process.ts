/**
 * Test helper: a private `redis-server` on a free port, without persistence, that a test can
 * restart on the same port (to check that a session converges after Redis went away).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { freePort } from './server-process.ts'

export interface RedisProcess {
  url: string
  port: number
  /** Kills the server and starts a fresh, empty one on the same port. */
  restart(): Promise<void>
  stop(): Promise<void>
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('Ready to accept connections')) resolve()
    })
    child.once('error', (error) => reject(new Error(`redis-server could not start (install the Debian package redis-server): ${error.message}`)))
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-1000)}`)))
  })
  child.stdout!.resume()
  return child
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGKILL')
  await exited
}

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort()
  let child = await launch(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await kill(child)
      child = await launch(port)
    },
    stop: () => kill(child),
  }
}
