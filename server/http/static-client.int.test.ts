/**
 * The built client goes out in the copy the browser accepts: brotli before gzip before identity,
 * each with its own Content-Length and ETag, hashed files cached for a year, pages revalidated.
 * Against a small build of its own (CLIENT_DIR), so it does not depend on `vite build`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { rawRequest, type RawResponse } from '../testing/raw-request.ts'
import { removeDir } from '../testing/server-process.ts'
import { serverForFile } from '../testing/server-for-file.ts'

const clientDir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-client-'))
const script = Buffer.from(`export const board = ${JSON.stringify('kaart '.repeat(2000))};\n`)
const lone = Buffer.from(`export const lone = ${JSON.stringify('los '.repeat(500))};\n`)
const html = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>'
mkdirSync(path.join(clientDir, 'assets'))
const boardHtml = html.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/lone-Ef56Gh78.js"></head>')
writeFileSync(path.join(clientDir, 'index.html'), html)
writeFileSync(path.join(clientDir, 'board.html'), boardHtml)
writeFileSync(path.join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
writeFileSync(path.join(clientDir, 'assets/app-Ab12Cd34.js'), script)
writeFileSync(path.join(clientDir, 'assets/app-Ab12Cd34.js.br'), brotliCompressSync(script))
writeFileSync(path.join(clientDir, 'assets/app-Ab12Cd34.js.gz'), gzipSync(script))
// A build where one file has no compressed copies (below the plugin's threshold, or removed).
writeFileSync(path.join(clientDir, 'assets/lone-Ef56Gh78.js'), lone)

const server = serverForFile({ CLIENT_DIR: clientDir })
afterAll(() => removeDir(clientDir))

/** A request whose body comes back exactly as sent (fetch would decompress it). */
function raw(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return rawRequest(new URL(pathname, server.url), headers, method)
}

const SCRIPT = '/assets/app-Ab12Cd34.js'

describe('pre-compressed client files', () => {
  it('sends brotli when the browser accepts it, whatever the order it lists codings in', async () => {
    const res = await raw(SCRIPT, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['vary']).toBe('Accept-Encoding')
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0, gzip']) {
      const res = await raw(SCRIPT, { 'accept-encoding': accept })
      expect(res.headers['content-encoding']).toBe('gzip')
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      expect(gunzipSync(res.body).equals(script)).toBe(true)
    }
  })

  it('prefers the coding with the higher q', async () => {
    const res = await raw(SCRIPT, { 'accept-encoding': 'br;q=0.5, gzip;q=0.9' })
    expect(res.headers['content-encoding']).toBe('gzip')
  })

  it('sends the file itself without Accept-Encoding, still saying it varies by it', async () => {
    const res = await raw(SCRIPT)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['vary']).toBe('Accept-Encoding')
    expect(Number(res.headers['content-length'])).toBe(script.length)
    expect(res.body.equals(script)).toBe(true)
  })

  it('answers HEAD with the headers of the copy GET would send, and no body', async () => {
    const get = await raw(SCRIPT, { 'accept-encoding': 'br' })
    const head = await raw(SCRIPT, { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.headers['content-length']).toBe(get.headers['content-length'])
    expect(head.headers['etag']).toBe(get.headers['etag'])
  })

  it('answers 304 to a revalidation with the ETag of the same copy, and 200 with another copy’s', async () => {
    const br = await raw(SCRIPT, { 'accept-encoding': 'br' })
    const gzip = await raw(SCRIPT, { 'accept-encoding': 'gzip' })
    expect(br.headers['etag']).not.toBe(gzip.headers['etag'])
    const again = await raw(SCRIPT, { 'accept-encoding': 'br', 'if-none-match': String(br.headers['etag']) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const switched = await raw(SCRIPT, { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers['etag']) })
    expect(switched.status).toBe(200)
    expect(switched.headers['content-encoding']).toBe('gzip')
  })

  it('falls back to the file itself when it has no compressed copy', async () => {
    const res = await raw('/assets/lone-Ef56Gh78.js', { 'accept-encoding': 'br, gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(Number(res.headers['content-length'])).toBe(lone.length)
    expect(res.body.equals(lone)).toBe(true)
  })
})

describe('pages and the service worker', () => {
  it('sends a board link the page that preloads the board’s code, revalidated every time', async () => {
    const res = await raw('/b/bord123?token=geheim')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body.toString()).toBe(boardHtml)
  })

  it('sends other pages the plain index.html (the home page and a board’s list view never load the canvas’s code)', async () => {
    for (const page of ['/', '/admin', '/index.html', '/b/bord123/lijst?token=geheim', '/b/bord123/lijst/']) {
      const res = await raw(page)
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body.toString()).toBe(html)
    }
  })

  it('serves /sw.js as a script that is always revalidated', async () => {
    const res = await raw('/sw.js')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  it('answers a missing hashed file with 404, not with the page (a cache would keep HTML as a script)', async () => {
    const res = await raw('/assets/gone-Zz99Yy88.js')
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).not.toMatch(/html/)
  })
})
