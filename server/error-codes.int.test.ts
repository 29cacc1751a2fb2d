/**
 * Every refusal of the HTTP API carries a stable code the client translates (issue 10 bug 6):
 * one sample per route family, each with the code it must carry.
 */
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, type ErrorCode } from '../shared/errors.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'

const ADMIN = 'beheer-token-voor-foutcodes'
const server = serverForFile({ ADMIN_TOKEN: ADMIN })

interface Sample {
  what: string
  path: string
  init?: RequestInit
  status: number
  code: ErrorCode
}

const json = (method: string, body: string, token?: string): RequestInit => ({
  method,
  body,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
})
const bearer = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } })

describe('refusal codes', () => {
  it('every refusal of every route family carries a code from ERROR_CODES', async () => {
    const board = await createBoard(server.url, { title: 'Foutcodes' }, { authorization: `Bearer ${ADMIN}` })
    const { facilitator, viewer, editor } = board.tokens
    const id = board.id
    const samples: Sample[] = [
      { what: 'create without admin token', path: '/api/boards', init: json('POST', '{"title":"x"}'), status: 401, code: 'admin_token_required' },
      { what: 'create, broken JSON', path: '/api/boards', init: json('POST', '{', ADMIN), status: 400, code: 'invalid_json' },
      { what: 'create, invalid body', path: '/api/boards', init: json('POST', '{"title":5}', ADMIN), status: 400, code: 'invalid_body' },
      { what: 'create, unknown template', path: '/api/boards', init: json('POST', '{"title":"x","template":"bestaat-niet"}', ADMIN), status: 400, code: 'unknown_template' },
      { what: 'unknown board', path: '/api/boards/bestaat-niet-1234', init: bearer(facilitator), status: 404, code: 'board_not_found' },
      { what: 'wrong token', path: `/api/boards/${id}`, init: bearer('fout-token'), status: 401, code: 'invalid_token' },
      { what: 'too weak a role', path: `/api/boards/${id}`, init: json('PATCH', '{"title":"y"}', viewer), status: 403, code: 'role_required' },
      { what: 'unmanaged link', path: `/api/boards/${id}/links/facilitator`, init: json('PATCH', '{"expiresAt":null}', facilitator), status: 404, code: 'not_found' },
      { what: 'expiry in the past', path: `/api/boards/${id}/links/viewer`, init: json('PATCH', '{"expiresAt":"2001-01-01T00:00:00Z"}', facilitator), status: 400, code: 'expiry_in_past' },
      { what: 'empty image', path: `/api/boards/${id}/assets`, init: bearer(editor, { method: 'POST', body: new Uint8Array(0) }), status: 400, code: 'empty_image' },
      { what: 'not an image', path: `/api/boards/${id}/assets`, init: bearer(editor, { method: 'POST', body: 'tekst' }), status: 415, code: 'unsupported_image' },
      { what: 'unknown image', path: '/api/assets/bestaat-niet', status: 404, code: 'image_not_found' },
      { what: 'unknown snapshot', path: `/api/boards/${id}/snapshots/bestaat-niet`, init: bearer(viewer), status: 404, code: 'snapshot_not_found' },
      { what: 'unknown template', path: '/api/templates/bestaat-niet', status: 404, code: 'template_not_found' },
      { what: 'template from a viewer', path: '/api/templates', init: json('POST', JSON.stringify({ boardId: id, title: 'Sjabloon' }), viewer), status: 403, code: 'role_required' },
      { what: 'import of no board', path: '/api/boards/import', init: json('POST', '{"format":"x"}', ADMIN), status: 400, code: 'invalid_body' },
      { what: 'report with a wrong token', path: `/api/boards/${id}/report.md`, init: bearer('fout-token'), status: 401, code: 'invalid_token' },
      { what: 'export of an unknown board', path: '/api/boards/bestaat-niet-1234/export.json', status: 404, code: 'board_not_found' },
      { what: 'admin list without token', path: '/api/admin/boards', status: 401, code: 'admin_token_invalid' },
      { what: 'unknown API route', path: '/api/bestaat-niet', status: 404, code: 'not_found' },
      { what: 'socket with a wrong token', path: `/sync/${id}?token=fout-token`, status: 401, code: 'invalid_token' },
    ]
    for (const sample of samples) {
      const response = await fetch(`${server.url}${sample.path}`, sample.init)
      const body = (await response.json()) as { error?: unknown; code?: unknown }
      expect({ what: sample.what, status: response.status, code: body.code }).toEqual({ what: sample.what, status: sample.status, code: sample.code })
      expect(ERROR_CODES).toContain(body.code)
      expect(typeof body.error).toBe('string')
    }
  })
})
