/**
 * Test helper: runs the real server as a child process on a free port with its own DATA_DIR,
 * the way an operator would, and collects its log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { once } from 'node:events'

export interface ServerProcess {
  url: string
  port: number
  dataDir: string
  logs: string[]
  child: ChildProcess
  /** SIGTERM, resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: no chance to flush or close anything. */
  kill(): Promise<void>
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  const port = typeof address === 'object' && address ? address.port : 0
  probe.close()
  await once(probe, 'close')
  return port
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dialoogbord-test-'))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** The sources through tsx (what tests change), or a built bundle such as `dist/server/main.mjs`. */
export type ServerEntry = { source: true } | { bundle: string }

const nodeArgs = (entry: ServerEntry): string[] => ('bundle' in entry ? [entry.bundle] : ['--import', 'tsx', 'server/main.ts'])

/** `port` reuses a port (a restart that clients reconnect to); by default a free one is picked. */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; entry?: ServerEntry } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir()
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, nodeArgs(options.entry ?? { source: true }), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  let buffered = ''
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        logs.push(line)
        if (line.includes('"msg":"listening"')) resolve()
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${logs.join('\n')}`)))
  })
  await listening
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logs,
    child,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}
