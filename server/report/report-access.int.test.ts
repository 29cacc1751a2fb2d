/**
 * Who may download the harvest files: report.docx, report.pdf, followup.ics and an agreement's
 * event.ics all need a valid link of any role (requireBoardRole 'viewer'). No token, a revoked
 * (regenerated) token and an expired one are each 401, before any document is built.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { inZone } from '../testing/template-zones.ts'

const server = serverForFile()
const clients: SyncClient[] = []
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

function call(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
  })
}

describe('access to the harvest files', () => {
  it('serves report.docx, report.pdf, followup.ics and event.ics to a viewer, and refuses no token, a revoked and an expired link with 401', async () => {
    const board = await createBoard(server.url, { title: 'Casus Toegang', template: 'casusreconstructie' })
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    clients.push(editor)
    const metaOf = (record: StoredRecord) => (record.meta ?? {}) as Record<string, unknown>
    const [followUpId, { val: followUp }] = [...editor.records.map.entries()].find(([, entry]) => metaOf(entry.val).kind === 'vervolgafspraak')!
    editor.records.set(followUpId, { ...followUp, meta: { ...metaOf(followUp), date: '2027-03-15' } })
    editor.records.set('shape:evaluatie', testRecord('evaluatie', { ...inZone('afspraken', 700, 900), text: 'Wat: Evaluatie\nWanneer: 1-4-2027' }))
    await editor.roundTrip()

    const paths = ['report.docx', 'report.pdf', 'followup.ics', `agreements/${encodeURIComponent('shape:evaluatie')}/event.ics`].map((file) => `/api/boards/${board.id}/${file}`)
    const expectAll = async (token: string | undefined, status: number, code?: string) => {
      for (const path of paths) {
        const response = await call(path, token)
        expect(response.status, path).toBe(status)
        if (code) expect(((await response.json()) as { code: string }).code, path).toBe(code)
        else await response.arrayBuffer()
      }
    }

    await expectAll(board.tokens.viewer, 200)
    await expectAll(undefined, 401, 'invalid_token')

    // Regenerating the viewer link revokes the old token at once.
    const regenerated = await call(`/api/boards/${board.id}/links/viewer/regenerate`, board.tokens.facilitator, { method: 'POST' })
    expect(regenerated.status).toBe(200)
    const fresh = ((await regenerated.json()) as { token: string }).token
    await expectAll(board.tokens.viewer, 401, 'invalid_token')
    await expectAll(fresh, 200)

    // An expired link: the server closes the link's sockets when it expires, which is the moment to ask.
    const viewer = await SyncClient.connect(server.url, board.id, fresh)
    clients.push(viewer)
    const expiry = await call(`/api/boards/${board.id}/links/viewer`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ expiresAt: new Date(Date.now() + 300).toISOString() }) })
    expect(expiry.status).toBe(200)
    expect((await viewer.closed).code).toBe(CloseCode.revoked)
    await expectAll(fresh, 401, 'link_expired')
  })
})
