/**
 * A client-driver process (forked by the benchmark): runs real y-websocket clients for a set of
 * boards, each client moving its own note at a fixed rate, and measures how long every move
 * takes to reach the other clients of its board. See driver-protocol.ts for the conversation.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { recordsKeyValue, type StoredRecord } from '../../shared/doc-layout.ts'
import type { BoardAssignment, ConnectionEvent, DriverMessage, DriverResult, ParentMessage, SetupMessage } from './driver-protocol.ts'
import { asStored, noteId, noteRecord, readStamp } from './note.ts'

type KeyValueChanges = Map<string, { action: 'add' | 'update' | 'delete'; newValue?: StoredRecord }>

/** A growable array of numbers. */
class Samples {
  length = 0
  private data = new Float64Array(1 << 14)

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length)
  }
}

/** Latencies and counters shared by all clients of this driver. */
class Recorder {
  /** Observations are tracked from the first move on… */
  measuring = false
  /** …but only moves sent from this time on (performance.now()) count. */
  windowStart = Number.POSITIVE_INFINITY
  stale = 0
  skipped = 0
  readonly events: ConnectionEvent[] = []
  /** Move → observed, ms. */
  readonly latencies = new Samples()
  /** How late each move's timer ran, ms: the client side's own event-loop queueing. */
  readonly sendLags = new Samples()

  event(board: number, client: number, what: string): void {
    const phase = this.measuring ? 'during the run' : 'during setup'
    if (this.events.length < 1_000) this.events.push({ board, client, what: `${what} ${phase}` })
  }

  /** The distinct connection events so far, most frequent first, for error messages. */
  eventSummary(): string {
    const counts = new Map<string, number>()
    for (const { what } of this.events) counts.set(what, (counts.get(what) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${n}× ${what}`).join('; ')
  }
}

/** One participant: a Y.Doc, a WebsocketProvider and the note it moves. */
class BenchClient {
  readonly doc = new Y.Doc()
  readonly kv: YKeyValue<StoredRecord>
  readonly provider: WebsocketProvider
  readonly ownId: string
  /** The last move sent (0 = the note was created). */
  seq = 0
  /** Moves sent during the measured window. */
  sentInWindow = 0
  /** Per other note: the highest move seen. */
  readonly lastSeen = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null

  readonly board: number

  constructor(
    syncUrl: string,
    ticket: BoardAssignment,
    readonly client: number,
    private readonly recorder: Recorder,
  ) {
    this.board = ticket.board
    this.ownId = noteId(ticket.board, client)
    this.kv = recordsKeyValue(this.doc)
    this.provider = new WebsocketProvider(syncUrl, ticket.room, this.doc, {
      connect: true,
      disableBc: true,
      params: ticket.params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
    this.kv.on('change', (changes: KeyValueChanges) => this.observe(changes))
    this.provider.on('connection-close', (event) => {
      recorder.event(ticket.board, client, `connection closed${event ? ` (${event.code}${event.reason ? ` ${event.reason}` : ''})` : ''}`)
    })
    this.provider.on('connection-error', () => recorder.event(ticket.board, client, 'connection error'))
  }

  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return
        this.provider.off('sync', onSync)
        resolve()
      }
      this.provider.on('sync', onSync)
    })
  }

  /** Writes the note (or moves it) in one transaction, like a tldraw client would. */
  write(t = performance.now()): void {
    const x = 120 * this.client + ((this.seq * 7) % 100)
    const y = 150 * (this.board % 10) + ((this.seq * 3) % 60)
    this.kv.set(this.ownId, asStored(noteRecord(this.board, this.client, x, y, { t, seq: this.seq })))
  }

  holdsAll(ids: readonly string[]): boolean {
    return ids.every((id) => this.kv.has(id))
  }

  /**
   * Moves the note in the slots `firstAt + n × intervalMs` before `endAt` (performance.now()
   * times). A slot missed because the process was busy is skipped, not made up in a burst.
   */
  startMoving(firstAt: number, intervalMs: number, endAt: number): void {
    let slot = 0
    let target = firstAt
    const tick = () => {
      const now = performance.now()
      if (now >= this.recorder.windowStart) {
        this.recorder.sendLags.push(now - target)
        this.sentInWindow++
      }
      this.seq++
      this.write(now)
      slot = Math.max(slot + 1, Math.ceil((performance.now() - firstAt) / intervalMs))
      target = firstAt + slot * intervalMs
      if (target >= endAt) {
        this.timer = null
        return
      }
      this.timer = setTimeout(tick, target - performance.now())
    }
    this.timer = setTimeout(tick, Math.max(0, target - performance.now()))
  }

  stopMoving(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  destroy(): void {
    this.stopMoving()
    this.provider.destroy()
    this.doc.destroy()
  }

  private observe(changes: KeyValueChanges): void {
    if (!this.recorder.measuring) return
    const now = performance.now()
    for (const [key, change] of changes) {
      if (key === this.ownId || change.newValue === undefined) continue
      const stamp = readStamp(change.newValue)
      if (stamp === null) continue
      const counts = stamp.t >= this.recorder.windowStart
      const last = this.lastSeen.get(key) ?? 0
      if (stamp.seq <= last) {
        if (counts) this.recorder.stale++
        continue
      }
      if (counts) this.recorder.skipped += stamp.seq - last - 1
      this.lastSeen.set(key, stamp.seq)
      if (counts) this.recorder.latencies.push(now - stamp.t)
    }
  }
}

/** All clients of one board. */
class Board {
  readonly clients: BenchClient[]
  readonly noteIds: string[]

  constructor(
    syncUrl: string,
    readonly ticket: BoardAssignment,
    clients: number,
    recorder: Recorder,
  ) {
    this.clients = Array.from({ length: clients }, (_, c) => new BenchClient(syncUrl, ticket, c, recorder))
    this.noteIds = this.clients.map((client) => client.ownId)
  }

  converged(): boolean {
    return this.clients.every((client) => client.holdsAll(this.noteIds))
  }

  /** Receivers that have not seen some sender's last move. */
  missingLastMoves(): number {
    let missing = 0
    for (const receiver of this.clients) {
      for (const sender of this.clients) {
        if (sender !== receiver && (receiver.lastSeen.get(sender.ownId) ?? 0) < sender.seq) missing++
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

  /** Connects every client, creates every note, and waits until every client holds all of them. */
  async prepare(): Promise<number> {
    const { setup } = this
    const start = performance.now()
    process.setMaxListeners(setup.boards.length * setup.clients + 20) // each provider hooks process 'exit'
    this.boards = setup.boards.map((ticket) => new Board(setup.syncUrl, ticket, setup.clients, this.recorder))
    const clients = this.allClients()
    const deadline = setup.setupTimeoutMs
    await withTimeout(Promise.all(clients.map((client) => client.synced())), deadline, () => {
      const synced = clients.filter((client) => client.provider.synced).length
      const events = this.recorder.eventSummary()
      return `only ${synced} of ${clients.length} clients synced within ${deadline / 1000} s${events ? ` (${events})` : ''}`
    })
    for (const client of clients) client.write()
    await until(() => this.boards.every((board) => board.converged()), deadline, 'every client to hold every note of its board')
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
