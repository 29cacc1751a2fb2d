/**
 * A client-driver process (forked by the benchmark): runs the benchmark clients for a set of
 * boards (light ones by default, full y-websocket clients with --full-clients), each client
 * moving its own note at a fixed rate, and measures how long every move takes to reach the other
 * clients of its board. See driver-protocol.ts for the conversation.
 */
import type { BenchClient, ClientKind } from './bench-client.ts'
import type { BoardAssignment, DriverMessage, DriverResult, ParentMessage, SetupMessage } from './driver-protocol.ts'
import { FullClient } from './full-client.ts'
import { LightClient } from './light-client.ts'
import { Recorder } from './recorder.ts'

function createClient(kind: ClientKind, syncUrl: string, ticket: BoardAssignment, client: number, clients: number, recorder: Recorder): BenchClient {
  return kind === 'full' ? new FullClient(syncUrl, ticket, client, clients, recorder) : new LightClient(syncUrl, ticket, client, clients, recorder)
}

/** All clients of one board (always in the same process, so send and receive times compare). */
class Board {
  readonly clients: BenchClient[]

  constructor(
    setup: SetupMessage,
    readonly ticket: BoardAssignment,
    recorder: Recorder,
  ) {
    this.clients = Array.from({ length: setup.clients }, (_, c) => createClient(setup.clientKind, setup.syncUrls[c % setup.syncUrls.length]!, ticket, c, setup.clients, recorder))
  }

  /** Every client has seen at least one move (its creation counts) of every other client. */
  converged(): boolean {
    return this.clients.every((client) => client.seen.heardFromAllBut(client.client))
  }

  /** Receivers that have not seen some sender's last move. */
  missingLastMoves(): number {
    let missing = 0
    for (const receiver of this.clients) {
      for (const sender of this.clients) {
        if (sender !== receiver && receiver.seen.last(sender.client) < sender.seq) missing++
      }
    }
    return missing
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Resolves like `promise`, or rejects with `message()` after `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const start = performance.now()
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await sleep(20)
  }
  return performance.now() - start
}

class Driver {
  private readonly recorder = new Recorder()
  private boards: Board[] = []

  constructor(private readonly setup: SetupMessage) {}

  /** Connects every client, creates every note, and waits until every client has heard from all others. */
  async prepare(): Promise<number> {
    const { setup } = this
    const start = performance.now()
    if (setup.clientKind === 'full') process.setMaxListeners(setup.boards.length * setup.clients + 20) // each provider hooks process 'exit'
    this.boards = setup.boards.map((ticket) => new Board(setup, ticket, this.recorder))
    const clients = this.allClients()
    const deadline = setup.setupTimeoutMs
    await withTimeout(Promise.all(clients.map((client) => client.synced())), deadline, () => {
      const synced = clients.filter((client) => client.isSynced()).length
      const events = this.recorder.eventSummary()
      return `only ${synced} of ${clients.length} clients synced within ${deadline / 1000} s${events ? ` (${events})` : ''}`
    })
    for (const client of clients) client.write()
    await until(() => this.boards.every((board) => board.converged()), deadline, 'every client to see a move of every other client of its board')
    return performance.now() - start
  }

  async run(): Promise<DriverResult> {
    const { setup, recorder } = this
    const intervalMs = 1000 / setup.rate
    const totalClients = setup.totalBoards * setup.clients
    const t0 = performance.now() + 20
    recorder.windowStart = t0 + setup.warmupSeconds * 1000
    const endAt = recorder.windowStart + setup.seconds * 1000
    recorder.measuring = true
    for (const board of this.boards) {
      for (const client of board.clients) {
        const offset = ((board.ticket.board * setup.clients + client.client) / totalClients) * intervalMs
        client.startMoving(t0 + offset, intervalMs, endAt)
      }
    }
    await sleep(Math.max(0, recorder.windowStart - performance.now()))
    const cpuBefore = process.cpuUsage()
    await sleep(Math.max(0, endAt - performance.now()))
    const cpu = process.cpuUsage(cpuBefore)
    const windowMs = performance.now() - recorder.windowStart
    for (const client of this.allClients()) client.stopMoving()
    const drainMs = await this.drain(setup.drainSeconds * 1000)
    recorder.measuring = false
    return this.result(windowMs, drainMs, (cpu.user + cpu.system) / 1000)
  }

  close(): void {
    for (const client of this.allClients()) client.destroy()
    this.boards = []
  }

  private allClients(): BenchClient[] {
    return this.boards.flatMap((board) => board.clients)
  }

  private async drain(timeoutMs: number): Promise<number> {
    try {
      return await until(() => this.boards.every((board) => board.missingLastMoves() === 0), timeoutMs, 'late deliveries')
    } catch {
      return timeoutMs
    }
  }

  private result(windowMs: number, drainMs: number, cpuMs: number): DriverResult {
    const { recorder } = this
    const clients = this.allClients()
    const sent = clients.reduce((sum, client) => sum + client.sentInWindow, 0)
    return {
      type: 'result',
      sent,
      expected: sent * (this.setup.clients - 1),
      delivered: recorder.latencies.length,
      latencies: recorder.latencies.toArray(),
      sendLags: recorder.sendLags.toArray(),
      notConverged: this.boards.reduce((sum, board) => sum + board.missingLastMoves(), 0),
      stale: recorder.stale,
      skipped: recorder.skipped,
      windowMs,
      drainMs,
      cpuMs,
      events: recorder.events,
    }
  }
}

function send(message: DriverMessage): void {
  process.send?.(message)
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The child-process side: follow the parent's messages until told to close. */
function serve(): void {
  let driver: Driver | null = null
  process.on('message', (message: ParentMessage) => {
    const step = async () => {
      switch (message.type) {
        case 'setup':
          driver = new Driver(message)
          send({ type: 'ready', setupMs: await driver.prepare() })
          break
        case 'go':
          if (!driver) throw new Error('go before setup')
          send(await driver.run())
          break
        case 'close':
          driver?.close()
          process.disconnect()
          // Providers close their sockets asynchronously; do not wait on stragglers.
          setTimeout(() => process.exit(0), 500).unref()
          break
      }
    }
    step().catch((error: unknown) => send({ type: 'failure', message: errorText(error) }))
  })
  // If the benchmark dies, do not linger.
  process.on('disconnect', () => {
    driver?.close()
    setTimeout(() => process.exit(0), 500).unref()
  })
}

if (process.send !== undefined) serve()
