/**
 * DNS rebinding guard: a web page on a name the attacker controls can point that name at this
 * server, and the browser then sends the attacker's name as Host. We answer only to names we
 * know: PUBLIC_URL's host, ALLOWED_HOSTS, localhost, and IP literals (an IP needs no DNS, so
 * it cannot be rebound). Anything else gets 421 'bad_host'.
 */
import type { MiddlewareHandler } from 'hono'
import { isIP } from 'node:net'
import { errorResponse } from './errors.ts'

/** "Bord.Example.nl:443" → "bord.example.nl", "[::1]:8080" → "::1". */
export function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase()
  const bracketed = value.match(/^\[([^\]]*)\](?::\d*)?$/)
  if (bracketed) return bracketed[1]!
  // One colon: name:port. More: a bare IPv6 address, kept whole.
  return value.split(':').length === 2 ? value.slice(0, value.indexOf(':')) : value
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost')
}

export function hostAllowed(host: string | undefined, publicUrl: string, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.includes('*')) return true
  // HTTP/1.0 without Host: no browser sends that, so no rebinding either.
  if (host === undefined || host === '') return true
  const hostname = hostnameOf(host)
  if (isIP(hostname) !== 0 || isLoopbackName(hostname)) return true
  if (hostname === hostnameOf(new URL(publicUrl).host)) return true
  return allowedHosts.some((allowed) => hostnameOf(allowed) === hostname)
}

const REFUSED = 'this server does not answer to that host name; set PUBLIC_URL or ALLOWED_HOSTS'

/** For a person who opened a page under the wrong name (no client runs to translate a code). */
const REFUSED_PAGE = `Deze server is niet bereikbaar onder dit adres. Gebruik de link die de facilitator heeft gedeeld.
This server cannot be reached under this address. Use the link the facilitator shared.
`

export function hostCheck(publicUrl: string, allowedHosts: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!hostAllowed(c.req.header('host'), publicUrl, allowedHosts)) {
      if (c.req.path.startsWith('/api/')) return errorResponse(c, 421, REFUSED, 'bad_host')
      return c.text(REFUSED_PAGE, 421)
    }
    await next()
  }
}

/**
 * Start-up advice when the server listens beyond this machine but knows no name to answer to
 * (HOST=0.0.0.0 without PUBLIC_URL): only IP addresses and localhost will work in a browser.
 */
export function hostCheckWarning(bindHost: string, publicUrl: string, allowedHosts: readonly string[]): string | null {
  const loopback = bindHost === 'localhost' || bindHost === '::1' || bindHost.startsWith('127.')
  if (loopback || allowedHosts.length > 0 || isIP(hostnameOf(new URL(publicUrl).host)) === 0) return null
  return 'PUBLIC_URL names no host: requests are answered only when addressed to an IP address or localhost; set PUBLIC_URL (or ALLOWED_HOSTS) to serve a host name'
}
