/**
 * "Breng iedereen hierheen" and "Volg mij", the board service's part: the facilitator's choice is
 * written by the server into the board's `meta` (`summon`, `spotlight`; shared/session.ts), so it
 * is relayed to every process, there for late joiners, and no participant can forge it (the update
 * guard refuses any client write to `meta`). Each client then moves its own camera.
 */
import { randomBytes } from 'node:crypto'
import { metaMap, readRecords } from '../../shared/doc-layout.ts'
import { SESSION_KEYS, type Spotlight, type Summon } from '../../shared/session.ts'
import { HttpError } from '../http/errors.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { writeSessionMeta } from './session-meta.ts'

/** A new summon of a page area: a fresh id, so every client moves once for it. */
export function newSummon(pageId: string, bounds: Summon['bounds'], at: Date = new Date()): Summon {
  return { id: randomBytes(12).toString('base64url'), at: at.toISOString(), pageId, bounds: { ...bounds } }
}

export class FollowWorkflows {
  constructor(private readonly rooms: RoomManager) {}

  /** Brings everyone to an area of a page of the board; 400 unknown_page when the board has no such page. */
  async summon(boardId: string, input: { pageId: string; bounds: Summon['bounds'] }): Promise<Summon> {
    const room = await this.rooms.open(boardId)
    const hasPage = readRecords(room.doc).some((record) => record.typeName === 'page' && record.id === input.pageId)
    if (!hasPage) throw new HttpError(400, `this board has no page "${input.pageId}"`, 'invalid_body')
    const summon = newSummon(input.pageId, input.bounds)
    writeSessionMeta(room.doc, { [SESSION_KEYS.summon]: summon })
    await this.rooms.flush()
    return summon
  }

  /** "Volg mij" on: everyone follows awareness client `clientId` (the facilitator's tab). */
  async spotlight(boardId: string, clientId: number): Promise<Spotlight> {
    const room = await this.rooms.open(boardId)
    const spotlight: Spotlight = { clientId, since: new Date().toISOString() }
    writeSessionMeta(room.doc, { [SESSION_KEYS.spotlight]: spotlight })
    await this.rooms.flush()
    return spotlight
  }

  /** "Volg mij" off; turning it off when it is off answers the same. */
  async stopSpotlight(boardId: string): Promise<null> {
    const room = await this.rooms.open(boardId)
    if (metaMap(room.doc).get(SESSION_KEYS.spotlight) == null) return null
    writeSessionMeta(room.doc, { [SESSION_KEYS.spotlight]: null })
    await this.rooms.flush()
    return null
  }
}
