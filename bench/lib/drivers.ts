/** The parent side of the client-driver processes: fork them, talk to them, stop them. */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { stopChild, track } from './cleanup.ts'
import type { BoardAssignment, DriverMessage, DriverResult, ParentMessage, ReadyMessage, SetupMessage } from './driver-protocol.ts'

const DRIVER_SCRIPT = fileURLToPath(new URL('./client-driver.ts', import.meta.url))

/** tsx for TypeScript; BENCH_PROFILE_DIR=<dir> writes a CPU profile of every driver there. */
function driverExecArgv(): string[] {
  const profileDir = process.env.BENCH_PROFILE_DIR
  return ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])]
}

type Reply<T extends DriverMessage['type']> = Extract<DriverMessage, { type: T }>

export class DriverProcess {
  private readonly child: ChildProcess
  private readonly inbox: DriverMessage[] = []
  private waiter: (() => void) | null = null
  private exited = false

  constructor(readonly index: number) {
    this.child = track(
      fork(DRIVER_SCRIPT, [], {
        execArgv: driverExecArgv(),
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    )
    this.child.on('message', (message: DriverMessage) => {
      this.inbox.push(message)
      this.waiter?.()
    })
    this.child.once('exit', () => {
      this.exited = true
      this.waiter?.()
    })
  }

  send(message: ParentMessage): void {
    if (!this.exited && this.child.connected) this.child.send(message)
  }

  /** Waits for the next reply of the given type; a failure reply, an exit or the timeout throw. */
  async next<T extends DriverMessage['type']>(type: T, timeoutMs: number): Promise<Reply<T>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const message = this.inbox.shift()
      if (message?.type === 'failure') throw new Error(`client driver ${this.index}: ${message.message}`)
      if (message?.type === type) return message as Reply<T>
      if (message !== undefined) continue
      if (this.exited) throw new Error(`client driver ${this.index} exited unexpectedly`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`client driver ${this.index}: no "${type}" within ${Math.round(timeoutMs / 1000)} s`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiter = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.waiter = null
    }
  }

  /** Asks the driver to close its clients and exit; forces it after `graceMs`. */
  async close(graceMs = 3_000): Promise<void> {
    this.send({ type: 'close' })
    const deadline = Date.now() + graceMs
    while (!this.exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
    await stopChild(this.child, 2_000)
  }
}

/** Spreads boards round-robin over the drivers. */
export function assignBoards<T>(boards: T[], drivers: number): T[][] {
  const shares: T[][] = Array.from({ length: drivers }, () => [])
  boards.forEach((board, i) => shares[i % drivers]!.push(board))
  return shares
}

export interface LoadPlan extends Omit<SetupMessage, 'type' | 'boards' | 'totalBoards'> {
  boards: BoardAssignment[]
  procs: number
}

/** A set of drivers holding all boards of one run. */
export class DriverPool {
  private constructor(private readonly drivers: DriverProcess[]) {}

  static async prepare(plan: LoadPlan): Promise<{ pool: DriverPool; setupMs: number }> {
    const shares = assignBoards(plan.boards, plan.procs).filter((share) => share.length > 0)
    const pool = new DriverPool(shares.map((_, i) => new DriverProcess(i)))
    try {
      const { procs: _procs, boards, ...common } = plan
      pool.drivers.forEach((driver, i) => driver.send({ type: 'setup', ...common, boards: shares[i]!, totalBoards: boards.length }))
      const ready: ReadyMessage[] = await Promise.all(pool.drivers.map((driver) => driver.next('ready', plan.setupTimeoutMs + 30_000)))
      return { pool, setupMs: Math.max(...ready.map((message) => message.setupMs)) }
    } catch (error) {
      await pool.close()
      throw error
    }
  }

  /** Starts the window in every driver and collects their results. */
  async run(timeoutMs: number): Promise<DriverResult[]> {
    for (const driver of this.drivers) driver.send({ type: 'go' })
    return Promise.all(this.drivers.map((driver) => driver.next('result', timeoutMs)))
  }

  async close(): Promise<void> {
    await Promise.all(this.drivers.map((driver) => driver.close()))
  }
}
