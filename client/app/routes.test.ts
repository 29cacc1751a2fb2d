import { describe, expect, it } from 'vitest'
import { boardPath, listPath, parseRoute } from './routes.ts'

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

  it('knows a board’s list view beside its canvas, with the same token', () => {
    expect(parseRoute('/b/abcDEF12_-/lijst', '?token=t0k3n')).toEqual({ page: 'list', boardId: 'abcDEF12_-', token: 't0k3n' })
    expect(parseRoute('/b/abcDEF12/lijst/', '')).toEqual({ page: 'list', boardId: 'abcDEF12', token: null })
    expect(parseRoute('/b/abcDEF12/list', '')).toEqual({ page: 'not-found' })
    expect(parseRoute('/b/abcDEF12/lijst/extra', '')).toEqual({ page: 'not-found' })
    expect(listPath('abcDEF12', 'a b')).toBe('/b/abcDEF12/lijst?token=a%20b')
    expect(boardPath('abcDEF12', null)).toBe('/b/abcDEF12')
  })

  it('knows the accessibility statement under one Dutch path, whatever the language', () => {
    expect(parseRoute('/toegankelijkheid', '')).toEqual({ page: 'accessibility' })
    expect(parseRoute('/toegankelijkheid/', '?lang=en')).toEqual({ page: 'accessibility' })
    expect(parseRoute('/accessibility', '')).toEqual({ page: 'not-found' })
    expect(parseRoute('/toegankelijkheid/extra', '')).toEqual({ page: 'not-found' })
  })
})
