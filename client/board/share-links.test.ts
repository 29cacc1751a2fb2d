import { describe, expect, it } from 'vitest'
import { boardLink, shareOrigin } from './share-links.ts'

describe('share links', () => {
  it("use the server's link origin, and the page's while it is unknown", () => {
    expect(shareOrigin({ licenseKey: null, publicUrl: 'https://bord.gemeente.nl', accessibilityContact: null, maxBodyBytes: 10 * 1024 * 1024 }, 'http://localhost:8080')).toBe('https://bord.gemeente.nl')
    expect(shareOrigin(undefined, 'http://localhost:8080')).toBe('http://localhost:8080')
    expect(shareOrigin(null, 'http://localhost:8080')).toBe('http://localhost:8080')
  })

  it('put every role on that one origin', () => {
    expect(boardLink('http://localhost:8080', 'bord_123', 'a b')).toBe('http://localhost:8080/b/bord_123?token=a%20b')
  })
})
