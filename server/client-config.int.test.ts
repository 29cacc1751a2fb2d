/**
 * /api/config tells the web app the installation's request body limit (MAX_BODY_BYTES), so the
 * home page refuses an import file past it before sending it, also where an operator changed it.
 */
import { describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '../shared/errors.ts'
import type { ClientConfig } from '../shared/api.ts'
import { serverForFile } from './testing/server-for-file.ts'

const server = serverForFile({ MAX_BODY_BYTES: '4096' })

describe('/api/config', () => {
  it('gives the MAX_BODY_BYTES the API enforces', async () => {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as ClientConfig
    expect(config.maxBodyBytes).toBe(4096)
    const tooBig = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: 'x'.repeat(config.maxBodyBytes) }),
    })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as ApiErrorBody).code).toBe('body_too_large')
  })
})
