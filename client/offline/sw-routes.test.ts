import { describe, expect, it } from 'vitest'
import { swRoute } from './sw-routes.ts'

const origin = 'https://bord.example.nl'
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: origin + path, mode })

describe('what the service worker does with a request', () => {
  it('never touches the API, the sync socket or the health check, whatever the request', () => {
    for (const path of ['/api/boards/b1?x=1', '/api/config', '/sync/b1?token=geheim', '/sync', '/healthz']) {
      expect(swRoute(get(path), origin)).toBe('pass')
      expect(swRoute(get(path, 'navigate'), origin)).toBe('pass')
    }
  })

  it('answers page navigations (board links with their token included) with the shell', () => {
    expect(swRoute(get('/b/b1?token=geheim', 'navigate'), origin)).toBe('shell')
    expect(swRoute(get('/b/b1/lijst?token=geheim', 'navigate'), origin)).toBe('shell')
    expect(swRoute(get('/', 'navigate'), origin)).toBe('shell')
  })

  it('keeps hashed build files, and leaves everything else alone', () => {
    expect(swRoute(get('/assets/BoardPage-Ab12Cd34.js'), origin)).toBe('hashed')
    expect(swRoute(get('/sw.js'), origin)).toBe('pass')
    expect(swRoute({ method: 'POST', url: `${origin}/assets/x.js`, mode: 'cors' }, origin)).toBe('pass')
    expect(swRoute({ method: 'GET', url: 'https://cdn.example.com/assets/x.js', mode: 'cors' }, origin)).toBe('pass')
  })
})
