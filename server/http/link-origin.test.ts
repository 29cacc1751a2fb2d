import { describe, expect, it } from 'vitest'
import { bindsNetwork, linkOriginFor, publicUrlWarning } from './link-origin.ts'

const unset = { publicUrl: 'http://0.0.0.0:8080', publicUrlSet: false, trustProxy: false }

describe('link origin', () => {
  it('is PUBLIC_URL whenever it is set, whatever the request came to', () => {
    const config = { publicUrl: 'https://bord.gemeente.nl', publicUrlSet: true, trustProxy: false }
    expect(linkOriginFor(config, { url: 'http://localhost:8080/api/boards' })).toBe('https://bord.gemeente.nl')
  })

  it("is the request's origin without PUBLIC_URL", () => {
    expect(linkOriginFor(unset, { url: 'http://localhost:8080/api/boards' })).toBe('http://localhost:8080')
    expect(linkOriginFor(unset, { url: 'http://192.168.1.20:8080/api/boards/x/links/editor/regenerate' })).toBe('http://192.168.1.20:8080')
    expect(linkOriginFor(unset, { url: 'http://[::1]:8080/api/boards' })).toBe('http://[::1]:8080')
  })

  it('follows a trusted proxy’s forwarded scheme and host, and ignores an untrusted one', () => {
    const request = { url: 'http://127.0.0.1:8080/api/boards', forwardedProto: 'https, http', forwardedHost: 'bord.example.nl' }
    expect(linkOriginFor({ ...unset, trustProxy: true }, request)).toBe('https://bord.example.nl')
    expect(linkOriginFor(unset, request)).toBe('http://127.0.0.1:8080')
    expect(linkOriginFor({ ...unset, trustProxy: true }, { ...request, forwardedProto: 'javascript' })).toBe('http://bord.example.nl')
  })
})

describe('start-up warning', () => {
  it('warns when listening on the network without PUBLIC_URL', () => {
    expect(publicUrlWarning('0.0.0.0', false)).toMatch(/PUBLIC_URL is not set/)
    expect(publicUrlWarning('::', false)).toMatch(/PUBLIC_URL/)
    expect(publicUrlWarning('192.168.1.20', false)).toMatch(/PUBLIC_URL/)
    expect(publicUrlWarning('0.0.0.0', true)).toBeNull()
    expect(publicUrlWarning('127.0.0.1', false)).toBeNull()
    expect(publicUrlWarning('localhost', false)).toBeNull()
    expect(publicUrlWarning('::1', false)).toBeNull()
  })

  it('tells loopback from network addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].map(bindsNetwork)).toEqual([false, false, false, false, false])
    expect(['0.0.0.0', '::', '10.0.0.5', 'bord.local'].map(bindsNetwork)).toEqual([true, true, true, true])
  })
})
