/**
 * Connection counts shared through Redis: per board one hash, one field per process holding its
 * counts and when it last said so. A process repeats its counts every HEARTBEAT_MS, so the counts
 * of a process that died stop counting after STALE_MS and are removed by whoever reads them.
 * Counting is not atomic across processes: two joining at the same moment on two processes may
 * both pass a cap that has room for one, never more than one per process.
 */
import type { Redis } from 'ioredis'
import type { ConnectionCensus, RoleCounts } from './connection-census.ts'

const HEARTBEAT_MS = 10_000
const STALE_MS = 3 * HEARTBEAT_MS
const keyOf = (boardId: string) => `dialoogbord:connections:${boardId}`

interface Entry {
  counts: RoleCounts
  at: number
}

const isEmpty = (counts: RoleCounts) => Object.values(counts).every((n) => !n)

export class RedisCensus implements ConnectionCensus {
  /** This process's counts per board with connections, repeated on every heartbeat. */
  private readonly mine = new Map<string, RoleCounts>()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly redis: Redis,
    private readonly processId: string,
  ) {
    this.timer = setInterval(() => {
      for (const [boardId, counts] of this.mine) this.write(boardId, counts)
    }, HEARTBEAT_MS)
    this.timer.unref()
  }

  async elsewhere(boardId: string): Promise<RoleCounts> {
    let fields: Record<string, string>
    try {
      fields = await this.redis.hgetall(keyOf(boardId))
    } catch {
      return {} // Redis away: each process holds its own caps meanwhile
    }
    const total: RoleCounts = {}
    const now = Date.now()
    const stale: string[] = []
    for (const [processId, value] of Object.entries(fields)) {
      if (processId === this.processId) continue
      const entry = parseEntry(value)
      if (!entry || now - entry.at > STALE_MS) {
        stale.push(processId)
        continue
      }
      for (const [role, n] of Object.entries(entry.counts) as [keyof RoleCounts, number][]) total[role] = (total[role] ?? 0) + n
    }
    if (stale.length > 0) this.redis.hdel(keyOf(boardId), ...stale).catch(() => undefined)
    return total
  }

  report(boardId: string, counts: RoleCounts): void {
    if (isEmpty(counts)) {
      this.mine.delete(boardId)
      this.redis.hdel(keyOf(boardId), this.processId).catch(() => undefined)
      return
    }
    this.mine.set(boardId, counts)
    this.write(boardId, counts)
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await Promise.all([...this.mine.keys()].map((boardId) => this.redis.hdel(keyOf(boardId), this.processId).catch(() => undefined)))
    this.mine.clear()
  }

  private write(boardId: string, counts: RoleCounts): void {
    const entry: Entry = { counts, at: Date.now() }
    this.redis
      .multi()
      .hset(keyOf(boardId), this.processId, JSON.stringify(entry))
      .pexpire(keyOf(boardId), STALE_MS * 2)
      .exec()
      .catch(() => undefined)
  }
}

function parseEntry(value: string): Entry | null {
  try {
    const entry = JSON.parse(value) as Entry
    return typeof entry?.at === 'number' && typeof entry.counts === 'object' && entry.counts !== null ? entry : null
  } catch {
    return null
  }
}
