/**
 * A full client (`--full-clients`): a real y-websocket WebsocketProvider with its own Y.Doc
 * holding the whole board through y-utility's YKeyValue, like the app. It applies every remote
 * update, so it costs about 100 µs per delivery; use it to check that the light clients measure
 * the same thing, at loads it can sustain.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import { recordsKeyValue, type StoredRecord } from '../../shared/doc-layout.ts'
import { BenchClient } from './bench-client.ts'
import type { BoardAssignment } from './driver-protocol.ts'
import { readStamp } from './note.ts'
import type { Recorder } from './recorder.ts'

type KeyValueChanges = Map<string, { action: 'add' | 'update' | 'delete'; newValue?: StoredRecord }>

export class FullClient extends BenchClient {
  private readonly doc = new Y.Doc()
  private readonly kv: YKeyValue<StoredRecord>
  private readonly provider: WebsocketProvider

  constructor(syncUrl: string, ticket: BoardAssignment, client: number, clientsPerBoard: number, recorder: Recorder) {
    super(ticket, client, clientsPerBoard, recorder)
    this.kv = recordsKeyValue(this.doc)
    this.provider = new WebsocketProvider(syncUrl, ticket.room, this.doc, {
      connect: true,
      disableBc: true,
      params: ticket.params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
    this.kv.on('change', (changes: KeyValueChanges) => this.onChange(changes))
    this.provider.on('connection-close', (event) => {
      this.connectionEvent(`connection closed${event ? ` (${event.code}${event.reason ? ` ${event.reason}` : ''})` : ''}`)
    })
    this.provider.on('connection-error', () => this.connectionEvent('connection error'))
  }

  isSynced(): boolean {
    return this.provider.synced
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

  protected put(record: StoredRecord): void {
    this.kv.set(record.id, record)
  }

  destroy(): void {
    this.stopMoving()
    this.provider.destroy()
    this.doc.destroy()
  }

  private onChange(changes: KeyValueChanges): void {
    const now = performance.now()
    for (const change of changes.values()) {
      const stamp = change.newValue === undefined ? null : readStamp(change.newValue)
      if (stamp !== null) this.observed(stamp, now)
    }
  }
}
