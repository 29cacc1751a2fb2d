import { describe, expect, it } from 'vitest'
import { parseRoute } from './routes.ts'

describe('parseRoute', () => {
  it('knows home, boards and nothing else', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' })
    expect(parseRoute('/b/abcDEF12_-', '?token=t0k3n')).toEqual({ page: 'board', boardId: 'abcDEF12_-', token: 't0k3n' })
    expect(parseRoute('/b/abcDEF12/', '')).toEqual({ page: 'board', boardId: 'abcDEF12', token: null })
    expect(parseRoute('/b/short', '?token=x')).toEqual({ page: 'not-found' })
    expect(parseRoute('/b/abcDEF12/extra', '')).toEqual({ page: 'not-found' })
    expect(parseRoute('/admin', '')).toEqual({ page: 'admin' })
    expect(parseRoute('/admin/boards', '')).toEqual({ page: 'not-found' })
    expect(parseRoute('/b/%E0%A4%A', '')).toEqual({ page: 'not-found' })
  })
})
