/** Strict headers for every response: our own origin only, no inline scripts, no framing. */
import type { MiddlewareHandler } from 'hono'

export function securityHeaders(publicUrl: string): MiddlewareHandler {
  const wsOrigin = new URL(publicUrl)
  wsOrigin.protocol = wsOrigin.protocol === 'https:' ? 'wss:' : 'ws:'
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // tldraw positions and colours shapes with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${wsOrigin.origin}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return async (c, next) => {
    await next()
    // A route with a stricter policy of its own (pasted images: nothing at all) keeps it.
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', csp)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  }
}
