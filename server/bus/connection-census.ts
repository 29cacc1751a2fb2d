/**
 * How many connections the other processes of a cluster hold on a board, per role link, so the
 * connection caps (MAX_CONNECTIONS_PER_BOARD, MAX_CONNECTIONS_PER_LINK) hold per board rather
 * than per process. One process has no others (NoOtherProcesses); a cluster counts in Redis
 * (RedisCensus).
 */
import type { Role } from '../../shared/roles.ts'

export type RoleCounts = Partial<Record<Role, number>>

export interface ConnectionCensus {
  /** The board's connections on the other processes, by role. */
  elsewhere(boardId: string): Promise<RoleCounts>
  /** This process's connections on the board are now `counts` (all zero: none left). */
  report(boardId: string, counts: RoleCounts): void
  close(): Promise<void>
}

export class NoOtherProcesses implements ConnectionCensus {
  async elsewhere(): Promise<RoleCounts> {
    return {}
  }
  report(): void {}
  async close(): Promise<void> {}
}
