/**
 * The session timer and the agenda against the real server: only the facilitator runs them; the
 * server writes them into the board's meta on its own clock, where every client (and a late
 * joiner) reads them, and a participant cannot write them there themselves.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import { metaMap } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import type { AgendaEntry, AgendaPlan, Summon, TimerState } from '../shared/session.ts'
import type { AgendaStartJson, ServerTimeJson } from '../shared/timer-api.ts'
import { boardCall, createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient } from './testing/sync-client.ts'

const server = serverForFile()
const MIN = 60_000

const call = <T>(board: CreatedBoard, token: string, method: string, path: string, body?: unknown) => boardCall<T>(server.url, board, token, method, path, body)
const metaOf = <T>(client: SyncClient, key: string) => (metaMap(client.doc).get(key) ?? null) as T | null
const timerOf = (client: SyncClient) => metaOf<TimerState>(client, 'timer')

/** A zone frame's record as a client sees it. */
function frameOf(client: SyncClient, zone: string) {
  const records = [...client.records.map.values()].map((entry) => entry.val as { typeName: string; type?: string; parentId?: string; x?: number; y?: number; props?: { w: number; h: number }; meta?: Record<string, unknown> })
  return records.find((record) => record.type === 'frame' && record.meta?.zone === zone)!
}

describe('server clock', () => {
  it('tells anyone the time, never from a cache', async () => {
    const before = Date.now()
    const response = await fetch(`${server.url}/api/time`)
    const body = (await response.json()) as ServerTimeJson
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(body.now)).toBeLessThanOrEqual(Date.now() + 1000)
  })
})

describe('session timer', () => {
  it('starts, pauses, resumes, adds time and stops, as every client sees it', async () => {
    const board = await createBoard(server.url, { title: 'Timer' })
    const f = board.tokens.facilitator
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)

    const started = await call<TimerState>(board, f, 'POST', '/timer', { action: 'start', minutes: 10 })
    expect(started.status).toBe(200)
    expect(started.body).toMatchObject({ status: 'running', durationMs: 10 * MIN, step: null })
    if (started.body.status !== 'running') throw new Error('not running')
    expect(Date.parse(started.body.endsAt) - Date.parse(started.body.startedAt)).toBe(10 * MIN)
    expect(Math.abs(Date.parse(started.body.startedAt) - Date.now())).toBeLessThan(5_000)
    await viewer.waitFor((client) => timerOf(client)?.status === 'running')
    expect(timerOf(viewer)).toEqual(started.body)

    const paused = await call<TimerState>(board, f, 'POST', '/timer', { action: 'pause' })
    expect(paused.body).toMatchObject({ status: 'paused', durationMs: 10 * MIN })
    if (paused.body.status !== 'paused') throw new Error('not paused')
    expect(paused.body.remainingMs).toBeGreaterThan(9 * MIN)
    expect(paused.body.remainingMs).toBeLessThanOrEqual(10 * MIN)
    await viewer.waitFor((client) => timerOf(client)?.status === 'paused')
    expect((await call(board, f, 'POST', '/timer', { action: 'pause' })).body).toMatchObject({ code: 'timer_state' })

    const added = await call<TimerState>(board, f, 'POST', '/timer', { action: 'add', minutes: 5 })
    expect(added.body).toMatchObject({ status: 'paused', remainingMs: paused.body.remainingMs + 5 * MIN, durationMs: 15 * MIN })

    const resumed = await call<TimerState>(board, f, 'POST', '/timer', { action: 'resume' })
    expect(resumed.body).toMatchObject({ status: 'running', startedAt: started.body.startedAt })
    if (resumed.body.status !== 'running') throw new Error('not running')
    expect(Date.parse(resumed.body.endsAt) - Date.now()).toBeGreaterThan(14 * MIN)
    expect((await call(board, f, 'POST', '/timer', { action: 'resume' })).status).toBe(409)

    // A late joiner finds it at once.
    const late = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    expect(timerOf(late)).toEqual(resumed.body)

    expect(await call(board, f, 'POST', '/timer', { action: 'stop' })).toEqual({ status: 200, body: null })
    await viewer.waitFor((client) => timerOf(client) === null)
    expect((await call(board, f, 'POST', '/timer', { action: 'add', minutes: 1 })).body).toMatchObject({ code: 'timer_state' })
    expect((await call(board, f, 'POST', '/timer', { action: 'stop' })).status).toBe(200) // stopped already
    await Promise.all([viewer.close(), late.close()])
  })

  it('refuses an editor and a viewer, on the API and in the document', async () => {
    const board = await createBoard(server.url, { title: 'Niet jouw timer', template: 'casusreconstructie' })
    const watcher = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      const refused = await call(board, token, 'POST', '/timer', { action: 'start', minutes: 5 })
      expect(refused).toMatchObject({ status: 403, body: { code: 'role_required' } })
      expect((await call(board, token, 'PUT', '/agenda', { tijdlijn: 30 })).status).toBe(403)
      expect((await call(board, token, 'POST', '/agenda/tijdlijn/start')).status).toBe(403)
      expect((await call(board, token, 'POST', '/agenda/end')).status).toBe(403)
    }

    // Writing a timer into the document directly closes the socket; nothing is relayed.
    const forger = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const now = Date.now()
    metaMap(forger.doc).set('timer', { status: 'running', startedAt: new Date(now).toISOString(), endsAt: new Date(now + 99 * MIN).toISOString(), durationMs: 99 * MIN, step: null })
    expect((await forger.closed).code).toBe(CloseCode.invalidContent)
    const planner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    metaMap(planner.doc).set('agendaRun', [{ zone: 'tijdlijn', name: 'x', startedAt: new Date().toISOString(), endedAt: null, plannedMinutes: 1 }])
    expect((await planner.closed).code).toBe(CloseCode.invalidContent)
    await watcher.roundTrip()
    const look = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect([timerOf(look), metaOf(look, 'agendaRun'), timerOf(watcher)]).toEqual([null, null, null])
    await Promise.all([watcher.close(), look.close()])
  })

  it('holds at most eight hours after adding time', async () => {
    const board = await createBoard(server.url, { title: 'Lang' })
    const f = board.tokens.facilitator
    await call(board, f, 'POST', '/timer', { action: 'start', minutes: 240 })
    for (let i = 0; i < 4; i++) expect((await call(board, f, 'POST', '/timer', { action: 'add', minutes: 60 })).status).toBe(200)
    expect((await call(board, f, 'POST', '/timer', { action: 'add', minutes: 60 })).body).toMatchObject({ code: 'timer_state' })
  })

  it('answers 400 to a bad action and 404 to a step the board does not have', async () => {
    const board = await createBoard(server.url, { title: 'Onzin', template: 'casusreconstructie' })
    const f = board.tokens.facilitator
    const bad: unknown[] = [{}, { action: 'start' }, { action: 'start', minutes: 0 }, { action: 'start', minutes: 241 }, { action: 'start', minutes: 1.5 }, { action: 'add', minutes: 61 }, { action: 'pause', minutes: 1 }, { action: 'ontploffen' }]
    for (const body of bad) expect((await call(board, f, 'POST', '/timer', body)).status, JSON.stringify(body)).toBe(400)
    expect((await call(board, f, 'POST', '/timer', { action: 'start', minutes: 5, step: 'bestaat-niet' })).status).toBe(404)
    expect((await call(board, f, 'POST', '/timer', { action: 'start', minutes: 5, step: 'tijdlijn' })).body).toMatchObject({ step: 'tijdlijn' })
  })
})

describe('agenda', () => {
  it('keeps the facilitator’s timeboxes for the board’s steps only', async () => {
    const board = await createBoard(server.url, { title: 'Agenda', template: 'casusreconstructie' })
    const f = board.tokens.facilitator
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const set = await call<AgendaPlan>(board, f, 'PUT', '/agenda', { tijdlijn: 50, lessen: 25 })
    expect(set).toEqual({ status: 200, body: { tijdlijn: 50, lessen: 25 } })
    await viewer.waitFor((client) => metaOf<AgendaPlan>(client, 'agenda')?.tijdlijn === 50)

    for (const body of [{ nergens: 10 }, { tijdlijn: 0 }, { tijdlijn: 481 }, { tijdlijn: 'lang' }, [10]]) {
      expect((await call(board, f, 'PUT', '/agenda', body)).status, JSON.stringify(body)).toBe(400)
    }
    expect(metaOf(viewer, 'agenda')).toEqual({ tijdlijn: 50, lessen: 25 })
    await viewer.close()
  })

  it('"Start stap" ends the running step, starts the next with its timer and brings everyone to its frame', async () => {
    const board = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
    const f = board.tokens.facilitator
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    await call(board, f, 'PUT', '/agenda', { tijdlijn: 50 })

    const first = await call<AgendaStartJson>(board, f, 'POST', '/agenda/spelregels/start')
    expect(first.status).toBe(200)
    // No plan for it: the template's timebox.
    expect(first.body.agendaRun).toEqual([{ zone: 'spelregels', name: '1 Introductie en spelregels', startedAt: expect.any(String), endedAt: null, plannedMinutes: 10 }])
    expect(first.body.timer).toMatchObject({ status: 'running', durationMs: 10 * MIN, step: 'spelregels' })

    const second = await call<AgendaStartJson>(board, f, 'POST', '/agenda/tijdlijn/start')
    const [done, running] = second.body.agendaRun
    expect(done).toMatchObject({ zone: 'spelregels', endedAt: running!.startedAt })
    expect(running).toMatchObject({ zone: 'tijdlijn', name: '2 Tijdlijn', endedAt: null, plannedMinutes: 50 })
    expect(second.body.timer).toMatchObject({ status: 'running', durationMs: 50 * MIN, step: 'tijdlijn' })

    // Everyone is brought to the step's frame: its page and page bounds.
    const frame = frameOf(viewer, 'tijdlijn')
    expect(second.body.summon).toMatchObject({ pageId: frame.parentId, bounds: { x: frame.x, y: frame.y, w: frame.props!.w, h: frame.props!.h } })
    expect(second.body.summon.id).not.toBe(first.body.summon.id)
    await viewer.waitFor((client) => metaOf<Summon>(client, 'summon')?.id === second.body.summon.id)
    expect(metaOf<AgendaEntry[]>(viewer, 'agendaRun')).toEqual(second.body.agendaRun)
    expect(timerOf(viewer)).toEqual(second.body.timer)

    // "Stap afronden": the run knows how long the last step took; the timer stops.
    const ended = await call<AgendaEntry[]>(board, f, 'POST', '/agenda/end')
    expect(ended.body.at(-1)!.endedAt).not.toBeNull()
    await viewer.waitFor((client) => timerOf(client) === null)

    expect((await call(board, f, 'POST', '/agenda/bestaat-niet/start')).status).toBe(404)

    // The harvest records the agenda as it ran.
    const report = await (await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(report).toContain('## Verloop')
    expect(report).toMatch(/\| 1 Introductie en spelregels \| \d\d:\d\d \| 0 min \| 10 min \|/)
    expect(report).toMatch(/\| 2 Tijdlijn \| \d\d:\d\d \| 0 min \| 50 min \|/)
    await viewer.close()
  })
})
