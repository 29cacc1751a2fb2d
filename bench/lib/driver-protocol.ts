/**
 * Messages between the benchmark (parent) and a client-driver process (child, over IPC with
 * the "advanced" serialization so latency samples travel as a Float64Array).
 *
 *   parent → setup → child connects its clients, creates the notes, waits until all converged
 *   child  → ready
 *   parent → go    → child moves notes for `warmupSeconds` + `seconds` (only the latter counts),
 *                    then waits for late deliveries
 *   child  → result
 *   parent → close → child destroys its clients and exits
 */
import type { ClientKind } from './bench-client.ts'
import type { RoomTicket } from './servers.ts'

export interface BoardAssignment extends RoomTicket {
  /** Global board number (note ids and stagger depend on it). */
  board: number
}

export interface SetupMessage {
  type: 'setup'
  /** Where clients connect; a board's clients are dealt over them in turn (a cluster's processes). */
  syncUrls: string[]
  /** Light clients (raw protocol, receive without applying) or full y-websocket clients. */
  clientKind: ClientKind
  boards: BoardAssignment[]
  /** Clients per board. */
  clients: number
  /** Edits per second per client. */
  rate: number
  /** Moves before the measured window starts (not counted), in seconds. */
  warmupSeconds: number
  seconds: number
  drainSeconds: number
  /** Total boards over all drivers, so client starts are staggered over all clients. */
  totalBoards: number
  setupTimeoutMs: number
}

export interface GoMessage {
  type: 'go'
}

export interface CloseMessage {
  type: 'close'
}

export type ParentMessage = SetupMessage | GoMessage | CloseMessage

export interface ReadyMessage {
  type: 'ready'
  /** From setup to every client having seen a move of every other client of its board. */
  setupMs: number
}

/** Something that went wrong on a connection during the measured window or the drain. */
export interface ConnectionEvent {
  board: number
  client: number
  what: string
}

export interface DriverResult {
  type: 'result'
  /** Moves sent during the window. */
  sent: number
  /** Moves the other clients of the board should observe: Σ sent × (clients − 1). */
  expected: number
  /** Moves observed by another client, each with its latency in `latencies` (ms). */
  delivered: number
  latencies: Float64Array
  /** Receivers that ended without the sender's last move (after the drain). */
  notConverged: number
  /** Observations of a move older than one already seen (out of order). */
  stale: number
  /** Moves a receiver skipped (a later one arrived, the earlier never did). */
  skipped: number
  /** Measured window + drain, in ms. */
  windowMs: number
  drainMs: number
  /** CPU time of the driver process during the measured window, ms. */
  cpuMs: number
  /** Per move sent in the window: how late its timer ran, ms (client-bound sign). */
  sendLags: Float64Array
  events: ConnectionEvent[]
}

export interface FailureMessage {
  type: 'failure'
  message: string
}

export type DriverMessage = ReadyMessage | DriverResult | FailureMessage
