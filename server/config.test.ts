import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:8080', licenseKey: null, adminToken: null })
    expect(config.dataDir.endsWith('/data')).toBe(true)
    expect(config.maxMessageBytes).toBe(2 * 1024 * 1024)
  })

  it('derives PUBLIC_URL from HOST and PORT, and trims a trailing slash from an explicit one', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '9000' }).publicUrl).toBe('http://0.0.0.0:9000')
    expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://[::1]:8080')
    expect(loadConfig({ PUBLIC_URL: 'https://bord.gemeente.nl/' }).publicUrl).toBe('https://bord.gemeente.nl')
    // Only an explicit PUBLIC_URL fixes the links' origin; the derived one is a fallback.
    expect(loadConfig({ HOST: '0.0.0.0' }).publicUrlSet).toBe(false)
    expect(loadConfig({ PUBLIC_URL: ' ' }).publicUrlSet).toBe(false)
    expect(loadConfig({ PUBLIC_URL: 'https://bord.gemeente.nl/' }).publicUrlSet).toBe(true)
  })

  it('treats empty secrets as unset', () => {
    expect(loadConfig({ ADMIN_TOKEN: ' ', TLDRAW_LICENSE_KEY: '' })).toMatchObject({ adminToken: null, licenseKey: null })
    expect(loadConfig({ TLDRAW_LICENSE_KEY: 'tldraw-abc' }).licenseKey).toBe('tldraw-abc')
  })

  it('reads TRUST_PROXY as a flag and ALLOWED_HOSTS as a list', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(() => loadConfig({ TRUST_PROXY: 'misschien' })).toThrow(/TRUST_PROXY/)
    expect(loadConfig({ ALLOWED_HOSTS: ' Bord.lan, intern.gemeente.nl:8443 ,' }).allowedHosts).toEqual(['bord.lan', 'intern.gemeente.nl:8443'])
  })

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'tachtig' })).toThrow(/PORT/)
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/)
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '-1' })).toThrow(/MAX_MESSAGE_BYTES/)
  })

  it('reads ACCESSIBILITY_CONTACT as an e-mail address or an https URL, nothing else', () => {
    expect(loadConfig({}).accessibilityContact).toBeNull()
    expect(loadConfig({ ACCESSIBILITY_CONTACT: ' ' }).accessibilityContact).toBeNull()
    expect(loadConfig({ ACCESSIBILITY_CONTACT: ' toegankelijkheid@gemeente.nl ' }).accessibilityContact).toBe('toegankelijkheid@gemeente.nl')
    expect(loadConfig({ ACCESSIBILITY_CONTACT: 'https://gemeente.nl/toegankelijkheid?bron=bord' }).accessibilityContact).toBe('https://gemeente.nl/toegankelijkheid?bron=bord')
    // The statement links to it: no plain http, no script or other schemes, no free text.
    for (const wrong of ['http://gemeente.nl/melden', 'javascript:alert(1)', 'mailto:a@b.nl', 'bel de servicedesk', 'a@b', 'twee woorden@gemeente.nl']) {
      expect(() => loadConfig({ ACCESSIBILITY_CONTACT: wrong }), wrong).toThrow(/ACCESSIBILITY_CONTACT must be an e-mail address or an https:\/\/ URL/)
    }
  })

  it('reads DATABASE_URL and REDIS_URL, and refuses Redis without PostgreSQL', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: null, redisUrl: null })
    const both = { DATABASE_URL: 'postgres://dialoogbord@db/dialoogbord', REDIS_URL: 'redis://cache:6379' }
    expect(loadConfig(both)).toMatchObject({ databaseUrl: both.DATABASE_URL, redisUrl: both.REDIS_URL })
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL must start with postgres:\/\//)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'nonsense' })).toThrow(/REDIS_URL must be a URL/)
  })
})
