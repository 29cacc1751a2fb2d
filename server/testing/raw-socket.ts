/**
 * Test helper: raw websockets for hostile clients (ones that never read, send hand-made
 * awareness entries) and a look at the server process's memory.
 */
import { readFileSync } from 'node:fs'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol.ts'
import { encodeAwarenessEntries, type AwarenessEntry } from '../sync/awareness-guard.ts'

export async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  socket.on('error', () => undefined) // a refused or terminated socket is what these tests expect
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)))
  })
  return socket
}

/** Stops reading (and so answering pings): what the server sends piles up in its own buffers. */
export function stopReading(socket: WebSocket): void {
  socket.pause()
}

export function closedCode(socket: WebSocket): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1)
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)))
}

/** "Send me everything": sync step 1 with an empty state vector. */
export function fullSyncRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

/** An awareness message of raw entries: the JSON text as given, so tests can send what no encoder would produce. */
export function awarenessMessage(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries))
  return encoding.toUint8Array(encoder)
}

/** Resident memory of a process (Linux), in bytes. */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

/** Rejects when `promise` has not settled within `ms` (a hang is a failure, not a stuck suite). */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
