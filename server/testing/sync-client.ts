/**
 * Test helper: a minimal y-websocket client over `ws`, so tests control every message and can
 * await the server's answers instead of sleeping.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { toRichText } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { recordsKeyValue, type StoredRecord } from '../../shared/doc-layout.ts'
import { MessageType } from '../../shared/protocol.ts'
import type { YKeyValue } from 'y-utility/y-keyvalue'

/** The board's websocket URL, or with `draftKey` that of the participant's draft of it. */
export function syncUrl(baseUrl: string, boardId: string, token?: string, draftKey?: string): string {
  const url = new URL(`/sync/${boardId}${draftKey === undefined ? '' : `/drafts/${draftKey}`}`, baseUrl.replace(/^http/, 'ws'))
  if (token !== undefined) url.searchParams.set('token', token)
  return url.toString()
}

/** Resolves with the HTTP status when the server refuses the upgrade. */
export function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('open', () => {
      socket.close()
      reject(new Error('the server accepted the connection'))
    })
    socket.once('error', () => undefined)
  })
}

export class SyncClient {
  readonly doc = new Y.Doc()
  readonly records: YKeyValue<StoredRecord> = recordsKeyValue(this.doc)
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly closed: Promise<{ code: number; reason: string }>
  /** Every message the server sent, as it came off the wire (tests inspect the bytes). */
  readonly frames: Uint8Array[] = []
  private readonly awarenessWaiters: (() => void)[] = []
  private readonly syncWaiters: (() => void)[] = []

  private constructor(readonly socket: WebSocket) {
    this.awareness.setLocalState(null)
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeUpdate(encoder, update)
      this.send(encoding.toUint8Array(encoder))
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.awareness)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]))
      this.send(encoding.toUint8Array(encoder))
    })
  }

  /** Connects and resolves once the first sync exchange completed. */
  static async connect(baseUrl: string, boardId: string, token: string, options: { draftKey?: string } = {}): Promise<SyncClient> {
    const socket = new WebSocket(syncUrl(baseUrl, boardId, token, options.draftKey))
    socket.binaryType = 'arraybuffer'
    const client = new SyncClient(socket)
    const synced = new Promise<void>((resolve, reject) => {
      socket.on('message', (data: ArrayBuffer) => {
        client.frames.push(new Uint8Array(data))
        if (client.receive(new Uint8Array(data))) resolve()
      })
      socket.once('error', reject)
      socket.once('close', (code) => reject(new Error(`closed with ${code} before sync`)))
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeSyncStep1(encoder, client.doc)
    client.send(encoding.toUint8Array(encoder))
    await synced
    return client
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message)
  }

  /** Messages on one connection are handled in order: once this resolves, all earlier ones were. */
  roundTrip(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.awarenessWaiters.push(resolve))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.queryAwareness)
    this.send(encoding.toUint8Array(encoder))
    return answered
  }

  /**
   * Like roundTrip, and the server has also stored every update this connection sent before: it
   * answers a sync step 1 only once everything its document holds is stored. (roundTrip's answer
   * does not wait for that: on PostgreSQL the append may still be under way.)
   */
  stored(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.syncWaiters.push(resolve))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
    return answered
  }

  /** Resolves once `check` holds for the document, re-checking after every change. */
  waitFor(check: (client: SyncClient) => boolean): Promise<void> {
    if (check(this)) return Promise.resolve()
    return new Promise((resolve) => {
      const onUpdate = () => {
        if (!check(this)) return
        this.doc.off('update', onUpdate)
        resolve()
      }
      this.doc.on('update', onUpdate)
    })
  }

  /** Resolves once `check` holds for the awareness states. */
  waitForAwareness(check: (states: Map<number, Record<string, unknown>>) => boolean): Promise<void> {
    const states = () => this.awareness.getStates() as Map<number, Record<string, unknown>>
    if (check(states())) return Promise.resolve()
    return new Promise((resolve) => {
      const onChange = () => {
        if (!check(states())) return
        this.awareness.off('change', onChange)
        resolve()
      }
      this.awareness.on('change', onChange)
    })
  }

  async close(): Promise<void> {
    // Awareness keeps an interval timer running until destroyed, which would keep a script alive.
    this.awareness.destroy()
    if (this.socket.readyState === WebSocket.CLOSED) return
    this.socket.close()
    await this.closed
  }

  /** Returns true when the message completed the initial sync (sync step 2). */
  private receive(message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.sync) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MessageType.sync)
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
      if (step === syncProtocol.messageYjsSyncStep2) this.syncWaiters.splice(0, 1).forEach((resolve) => resolve())
      return step === syncProtocol.messageYjsSyncStep2
    }
    if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
      this.awarenessWaiters.splice(0).forEach((resolve) => resolve())
    }
    return false
  }
}

/** A valid tldraw note on the first page, as a client would write it. */
/** An image asset record pointing at `src` (an uploaded image's path, or a foreign one to be refused). */
export function imageAsset(id: string, src: string): StoredRecord {
  return {
    id: `asset:${id}`,
    typeName: 'asset',
    type: 'image',
    meta: {},
    props: { name: 'foto.png', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
  }
}

export function testRecord(id: string, { x = 0, y = 0, text = id }: { x?: number; y?: number; text?: string } = {}): StoredRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:page',
    index: 'a1',
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
      textFirstEditedBy: null,
    },
  }
}
