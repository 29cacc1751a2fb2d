/** Runtime configuration from the environment (see README "Configuration"). */
import path from 'node:path'
import { DEFAULT_MAX_BODY_BYTES } from '../shared/body-limit.ts'

export interface Config {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL (`postgres://…`): everything lives there instead of SQLite in DATA_DIR. */
  databaseUrl: string | null
  /** Redis (`redis://…`, with DATABASE_URL): several processes serve the same boards at once. */
  redisUrl: string | null
  publicUrl: string
  /** Whether PUBLIC_URL was set; if not, board links take the origin of the request (link-origin.ts). */
  publicUrlSet: boolean
  licenseKey: string | null
  adminToken: string | null
  /** Where the built client lives; absent in API-only runs. */
  clientDir: string
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes: number
  /** Largest HTTP body accepted, in bytes. */
  maxBodyBytes: number
  /** Largest image a participant may paste. */
  maxAssetBytes: number
  /** How long a room stays in memory after its last client left. */
  roomIdleMs: number
  /** Compact a board's update log into one state row after this many updates. */
  compactAfterUpdates: number
  /** Messages per second one websocket may send on average, and in a burst. */
  wsMessagesPerSecond: number
  wsMessageBurst: number
  /** Concurrent connections one board accepts. */
  maxConnectionsPerBoard: number
  /** Most records (cards, shapes, pages…) one board may hold, whether edited live or imported. */
  maxRecordsPerBoard: number
  /** Concurrent connections one role link (facilitator, editor, viewer) of a board accepts. */
  maxConnectionsPerLink: number
  /** Participants' drafts one board keeps (a browser makes one per board it writes on). */
  maxDraftsPerBoard: number
  /** Most records (cards) one participant's draft may hold. */
  maxRecordsPerDraft: number
  /** Concurrent connections to one draft (the tabs of one browser). */
  maxConnectionsPerDraft: number
  /** A socket with more unsent bytes than this is closed (it does not read what it is sent). */
  maxSocketBufferBytes: number
  /** Ping every socket this often; one that did not answer the previous ping is closed. */
  heartbeatMs: number
  /** Largest awareness (presence) state one client may publish, in bytes of JSON. */
  maxAwarenessStateBytes: number
  /** Awareness client ids one connection may speak for. */
  maxAwarenessClientsPerConnection: number
  /** Browser origins allowed to open websockets, besides PUBLIC_URL's (e.g. a dev server). */
  allowedOrigins: string[]
  /** At most one automatic snapshot per this interval while a board is being edited. */
  autoSnapshotEveryMs: number
  /** Automatic snapshots younger than this are all kept. */
  snapshotKeepAllHours: number
  /** After that, one automatic snapshot per day is kept for this many days, then one per month. */
  snapshotDailyDays: number
  /** Disk quotas per board: manual snapshots (count and total bytes) and pasted images (total bytes). */
  maxSnapshotsPerBoard: number
  maxSnapshotBytesPerBoard: number
  maxAssetBytesPerBoard: number
  /** Image uploads one board accepts per minute. */
  assetUploadsPerMinute: number
  /** An image no record or snapshot refers to is deleted once it is older than this. */
  assetGraceMs: number
  /** Boards one client address may create (create, import, fork) per hour while ADMIN_TOKEN is unset. */
  boardsPerHourPerAddress: number
  /** Expensive reads and writes (report, export, snapshot, restore, fork, import) per minute, per address and per board. */
  expensiveRequestsPerMinute: number
  /** Heavy reads (report, export, opened snapshot) that may wait for the read worker; past it 503 server_busy. */
  readQueueLimit: number
  /** Use X-Forwarded-For's last hop as the client address (only behind a reverse proxy you run). */
  trustProxy: boolean
  /** Host names accepted besides PUBLIC_URL's, IP literals and localhost ("*": any; DNS rebinding guard). */
  allowedHosts: string[]
  /** Where people report accessibility problems (an e-mail address or https URL), shown in the accessibility statement. */
  accessibilityContact: string | null
}

type Env = Record<string, string | undefined>

function intFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  }
  return value
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim()
}

function flagFrom(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase()
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false
  if (raw === '1' || raw === 'true' || raw === 'yes') return true
  throw new Error(`${name} must be true or false, got "${env[name]}"`)
}

function hostsFrom(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
}

function originsFrom(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        return new URL(entry).origin
      } catch {
        throw new Error(`ALLOWED_ORIGINS must list absolute URLs, got "${entry}"`)
      }
    })
}

/** A URL of one of these schemes, or null when unset. */
function serviceUrl(env: Env, name: string, schemes: readonly string[]): string | null {
  const value = nonEmpty(env[name])
  if (value === null) return null
  let scheme: string
  try {
    scheme = new URL(value).protocol.replace(/:$/, '')
  } catch {
    throw new Error(`${name} must be a URL (${schemes.map((s) => `${s}://…`).join(' or ')})`)
  }
  if (!schemes.includes(scheme)) throw new Error(`${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')}, got "${scheme}://"`)
  return value
}

// Deliberately loose (one @, no spaces or colons, a dot in the domain): the statement shows it as a mailto: link.
const EMAIL = /^[^\s@:]+@[^\s@:]+\.[^\s@:]+$/

/** An e-mail address or an https URL, or null when unset: the statement links to it, so nothing else may get through. */
function contactFrom(env: Env, name: string): string | null {
  const value = nonEmpty(env[name])
  if (value === null || EMAIL.test(value)) return value
  if (URL.canParse(value) && new URL(value).protocol === 'https:') return value
  throw new Error(`${name} must be an e-mail address or an https:// URL, got "${value}"`)
}

export function loadConfig(env: Env = process.env): Config {
  const port = intFrom(env, 'PORT', 8080)
  if (port > 65535) throw new Error(`PORT must be at most 65535, got ${port}`)
  const host = nonEmpty(env.HOST) ?? '127.0.0.1'
  const publicUrl = (nonEmpty(env.PUBLIC_URL) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '')
  try {
    new URL(publicUrl)
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`)
  }
  const databaseUrl = serviceUrl(env, 'DATABASE_URL', ['postgres', 'postgresql'])
  const redisUrl = serviceUrl(env, 'REDIS_URL', ['redis', 'rediss'])
  // Processes can only share boards through a shared database.
  if (redisUrl !== null && databaseUrl === null) throw new Error('REDIS_URL needs DATABASE_URL: several processes share boards through PostgreSQL')
  return {
    port,
    host,
    dataDir: path.resolve(nonEmpty(env.DATA_DIR) ?? './data'),
    databaseUrl,
    redisUrl,
    publicUrl,
    publicUrlSet: nonEmpty(env.PUBLIC_URL) !== null,
    licenseKey: nonEmpty(env.TLDRAW_LICENSE_KEY),
    adminToken: nonEmpty(env.ADMIN_TOKEN),
    clientDir: path.resolve(nonEmpty(env.CLIENT_DIR) ?? './dist/client'),
    maxMessageBytes: intFrom(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024),
    maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024),
    maxAssetBytes: intFrom(env, 'MAX_ASSET_BYTES', 5 * 1024 * 1024, 1024),
    roomIdleMs: intFrom(env, 'ROOM_IDLE_MS', 30_000),
    compactAfterUpdates: intFrom(env, 'COMPACT_AFTER_UPDATES', 2000, 1),
    wsMessagesPerSecond: intFrom(env, 'WS_MESSAGES_PER_SECOND', 100, 1),
    wsMessageBurst: intFrom(env, 'WS_MESSAGE_BURST', 300, 1),
    maxConnectionsPerBoard: intFrom(env, 'MAX_CONNECTIONS_PER_BOARD', 100, 1),
    maxRecordsPerBoard: intFrom(env, 'MAX_RECORDS_PER_BOARD', 20_000, 1),
    maxConnectionsPerLink: intFrom(env, 'MAX_CONNECTIONS_PER_LINK', 50, 1),
    maxDraftsPerBoard: intFrom(env, 'MAX_DRAFTS_PER_BOARD', 200, 1),
    maxRecordsPerDraft: intFrom(env, 'MAX_RECORDS_PER_DRAFT', 500, 1),
    maxConnectionsPerDraft: intFrom(env, 'MAX_CONNECTIONS_PER_DRAFT', 10, 1),
    maxSocketBufferBytes: intFrom(env, 'MAX_SOCKET_BUFFER_BYTES', 8 * 1024 * 1024, 64 * 1024),
    heartbeatMs: intFrom(env, 'HEARTBEAT_MS', 30_000, 50),
    maxAwarenessStateBytes: intFrom(env, 'MAX_AWARENESS_STATE_BYTES', 16 * 1024, 1024),
    maxAwarenessClientsPerConnection: intFrom(env, 'MAX_AWARENESS_CLIENTS_PER_CONNECTION', 4, 1),
    allowedOrigins: [new URL(publicUrl).origin, ...originsFrom(env.ALLOWED_ORIGINS)],
    autoSnapshotEveryMs: intFrom(env, 'AUTO_SNAPSHOT_EVERY_MS', 10 * 60_000),
    snapshotKeepAllHours: intFrom(env, 'SNAPSHOT_KEEP_ALL_HOURS', 24),
    snapshotDailyDays: intFrom(env, 'SNAPSHOT_DAILY_DAYS', 90),
    maxSnapshotsPerBoard: intFrom(env, 'MAX_SNAPSHOTS_PER_BOARD', 200, 1),
    maxSnapshotBytesPerBoard: intFrom(env, 'MAX_SNAPSHOT_BYTES_PER_BOARD', 200 * 1024 * 1024, 1024),
    maxAssetBytesPerBoard: intFrom(env, 'MAX_ASSET_BYTES_PER_BOARD', 100 * 1024 * 1024, 1024),
    assetUploadsPerMinute: intFrom(env, 'ASSET_UPLOADS_PER_MINUTE', 30, 1),
    assetGraceMs: intFrom(env, 'ASSET_GRACE_MS', 60 * 60_000),
    boardsPerHourPerAddress: intFrom(env, 'BOARDS_PER_HOUR_PER_ADDRESS', 200, 1),
    expensiveRequestsPerMinute: intFrom(env, 'EXPENSIVE_REQUESTS_PER_MINUTE', 120, 1),
    // 8: a few seconds of work on big boards (up to ~1 s each) before a request is refused.
    readQueueLimit: intFrom(env, 'READ_QUEUE_LIMIT', 8),
    trustProxy: flagFrom(env, 'TRUST_PROXY'),
    allowedHosts: hostsFrom(env.ALLOWED_HOSTS),
    accessibilityContact: contactFrom(env, 'ACCESSIBILITY_CONTACT'),
  }
}
