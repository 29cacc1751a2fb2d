/**
 * The one origin every board link is built from: PUBLIC_URL when the operator set it, otherwise
 * the origin the request came to, so a facilitator who opened the server as http://localhost:8080
 * (or http://192.168.1.20:8080) gets every link, their own and the partners', on that same origin,
 * never a mix with the bind address (127.0.0.1, 0.0.0.0).
 */
import type { Context } from 'hono'
import type { Config } from '../config.ts'

type LinkConfig = Pick<Config, 'publicUrl' | 'publicUrlSet' | 'trustProxy'>

export interface RequestOrigin {
  /** The request's URL as the server sees it (scheme of the connection, host from Host). */
  url: string
  /** X-Forwarded-Proto and X-Forwarded-Host, read only behind a trusted proxy. */
  forwardedProto?: string | undefined
  forwardedHost?: string | undefined
}

export function linkOriginFor(config: LinkConfig, request: RequestOrigin): string {
  if (config.publicUrlSet) return config.publicUrl
  const url = new URL(request.url)
  if (!config.trustProxy) return url.origin
  // A proxy may append its own value: the first one is the client's.
  const proto = request.forwardedProto?.split(',')[0]?.trim()
  const host = request.forwardedHost?.split(',')[0]?.trim()
  const scheme = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1)
  try {
    return new URL(`${scheme}://${host || url.host}`).origin
  } catch {
    return url.origin // a forwarded host that is no host name
  }
}

export function linkOrigin(c: Context, config: LinkConfig): string {
  return linkOriginFor(config, { url: c.req.url, forwardedProto: c.req.header('x-forwarded-proto'), forwardedHost: c.req.header('x-forwarded-host') })
}

/** Whether the server listens beyond this machine (0.0.0.0, ::, or a network address). */
export function bindsNetwork(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return !(name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name.startsWith('127.'))
}

/**
 * Start-up advice: listening on the network without PUBLIC_URL, links follow whatever address the
 * facilitator typed; one who opened http://localhost would hand partners links that only work on
 * the server itself.
 */
export function publicUrlWarning(host: string, publicUrlSet: boolean): string | null {
  if (publicUrlSet || !bindsNetwork(host)) return null
  return `HOST=${host} listens on the network but PUBLIC_URL is not set: board links take the address each facilitator opened the server with (a link made via localhost works only on this machine); set PUBLIC_URL to the address partners use`
}
