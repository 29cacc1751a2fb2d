/**
 * The room bus over Redis pub/sub (REDIS_URL): one channel per board, binary messages
 * (bus-codec.ts), one connection to publish and one to subscribe (a subscribing connection can do
 * nothing else). Redis delivers at most once and nothing while a process is cut off, which is
 * fine: updates are stored before they are published, and a process that reconnects catches up
 * from the store (onReconnect). Publishing while Redis is away drops the message rather than
 * queueing it in memory for as long as the outage lasts.
 */
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { Redis } from 'ioredis'
import type { Logger } from '../log.ts'
import { decodeBusMessage, encodeBusMessage } from './bus-codec.ts'
import type { BusHandler, BusMessage, RoomBus, Subscription } from './room-bus.ts'

const CHANNEL_PREFIX = 'dialoogbord:board:'

export class RedisBus implements RoomBus {
  /** Tells this process's messages from the others'. */
  readonly processId = randomUUID()
  readonly multiProcess = true
  /** Publishes, and runs this process's other commands (shared rate limits). */
  readonly commands: Redis
  private readonly subscriber: Redis
  private readonly handlers = new Map<string, { handlers: Set<BusHandler>; ready: Promise<void> }>()
  private readonly reconnectHandlers = new Set<() => void>()
  private readyOnce = false
  private outage = false

  constructor(url: string, private readonly logger: Logger) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000) }
    this.commands = new Redis(url, options)
    // The subscriber queues (re)subscriptions while it connects; ioredis renews them after a reconnect.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
    for (const connection of [this.commands, this.subscriber]) {
      connection.on('error', (error: Error) => {
        if (this.outage) return
        this.outage = true
        this.logger.warn('redis unavailable; boards keep working on this process and catch up when it is back', { error: error.message })
      })
    }
    this.subscriber.on('ready', () => {
      if (this.readyOnce) {
        this.outage = false
        this.logger.info('redis back; catching up')
        for (const handler of this.reconnectHandlers) handler()
      }
      this.readyOnce = true
    })
    this.subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => {
      const boardId = channel.toString('utf8').slice(CHANNEL_PREFIX.length)
      const board = this.handlers.get(boardId)
      if (!board) return
      const decoded = decodeBusMessage(bytes)
      if (!decoded || decoded.from === this.processId) return
      for (const handler of board.handlers) handler(decoded.message)
    })
  }

  /** Resolves once both connections are (again) ready. */
  async ready(): Promise<void> {
    await Promise.all([this.commands, this.subscriber].map((connection) => (connection.status === 'ready' ? undefined : once(connection, 'ready'))))
  }

  publish(boardId: string, message: BusMessage): void {
    this.commands.publish(CHANNEL_PREFIX + boardId, Buffer.from(encodeBusMessage(this.processId, message))).catch(() => {
      // Redis is away (logged once by the error handler): the others catch up from the store.
    })
  }

  subscribe(boardId: string, handler: BusHandler): Subscription {
    let board = this.handlers.get(boardId)
    if (!board) {
      const ready = this.subscriber.subscribe(CHANNEL_PREFIX + boardId).then(() => undefined)
      ready.catch(() => undefined) // whoever cares awaits it; ioredis subscribes again on reconnect
      board = { handlers: new Set(), ready }
      this.handlers.set(boardId, board)
    }
    board.handlers.add(handler)
    const subscribed = board
    return {
      ready: subscribed.ready,
      close: () => {
        if (!subscribed.handlers.delete(handler) || subscribed.handlers.size > 0 || this.handlers.get(boardId) !== subscribed) return
        this.handlers.delete(boardId)
        this.subscriber.unsubscribe(CHANNEL_PREFIX + boardId).catch(() => undefined)
      },
    }
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler)
    return () => this.reconnectHandlers.delete(handler)
  }

  async close(): Promise<void> {
    this.handlers.clear()
    this.reconnectHandlers.clear()
    await Promise.all([this.commands.quit().catch(() => this.commands.disconnect()), this.subscriber.quit().catch(() => this.subscriber.disconnect())])
  }
}
