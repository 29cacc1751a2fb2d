/** Integration tests: one real server per test file, with its own temporary DATA_DIR (and, on PostgreSQL, its own database). */
import { afterAll, beforeAll } from 'vitest'
import { removeDir, startServerProcess, type ServerProcess } from './server-process.ts'

export interface FileServer {
  readonly url: string
  readonly dataDir: string
  /** Its PostgreSQL database, or null on SQLite (in `dataDir`). */
  readonly databaseUrl: string | null
  readonly logs: string[]
  /** The server's process id (to read its memory). */
  readonly pid: number
  /** Ends the server (SIGTERM `stop`, or SIGKILL `kill`) and starts it again on the same data. */
  restart(how: 'stop' | 'kill'): Promise<void>
}

/** Call at the top of a test file: starts the server before its tests, stops it and removes its data after. */
export function serverForFile(env: Record<string, string> = {}): FileServer {
  let current: ServerProcess | null = null
  const running = (): ServerProcess => {
    if (!current) throw new Error('no server: serverForFile() starts one before the tests of its file')
    return current
  }
  beforeAll(async () => {
    current = await startServerProcess({ env })
  })
  afterAll(async () => {
    if (!current) return
    await current.stop()
    removeDir(current.dataDir)
    current = null
  })
  return {
    get url() {
      return running().url
    },
    get dataDir() {
      return running().dataDir
    },
    get databaseUrl() {
      return running().databaseUrl
    },
    get logs() {
      return running().logs
    },
    get pid() {
      const { pid } = running().child
      if (pid === undefined) throw new Error('the server process has no pid')
      return pid
    },
    async restart(how) {
      const { dataDir } = running()
      await (how === 'kill' ? running().kill() : running().stop())
      current = await startServerProcess({ dataDir, env })
    },
  }
}
