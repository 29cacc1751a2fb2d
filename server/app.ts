/** Wires configuration, storage, rooms and routes into one HTTP + websocket server. */
import { serve, type ServerType } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import type { AddressInfo } from 'node:net'
import type { ClientConfig } from '../shared/api.ts'
import { SYNC_PATH } from '../shared/protocol.ts'
import { BoardService } from './boards/board-service.ts'
import type { Config } from './config.ts'
import { startCheckpointer } from './db/checkpointer.ts'
import { boardRoutes } from './http/board-routes.ts'
import { errorResponse, HttpError } from './http/errors.ts'
import { linkOrigin } from './http/link-origin.ts'
import { securityHeaders } from './http/security-headers.ts'
import { hostCheck } from './http/host-check.ts'
import { mountRequestLimits } from './http/request-limits.ts'
import { staticClient } from './http/static-client.ts'
import { errorMessage, type Logger } from './log.ts'
import { draftRoutes } from './http/draft-routes.ts'
import { DocumentRouter } from './storage/document-router.ts'
import { voteRoutes } from './http/vote-routes.ts'
import { sessionRoutes, timeRoutes } from './http/session-routes.ts'
import { followRoutes } from './http/follow-routes.ts'
import { snapshotRoutes } from './http/snapshot-routes.ts'
import { transferRoutes } from './http/transfer-routes.ts'
import { reportRoutes } from './http/report-routes.ts'
import { templateRoutes } from './http/template-routes.ts'
import { TemplateCatalog } from './templates/catalog.ts'
import { linkRoutes } from './http/link-routes.ts'
import { adminRoutes, boardDeletionRoutes } from './http/admin-routes.ts'
import { assetServeRoutes, assetUploadRoutes } from './http/asset-routes.ts'
import { AssetSweeper } from './assets/asset-sweeper.ts'
import { autoSnapshots } from './snapshots/auto-snapshots.ts'
import { SnapshotQuota } from './snapshots/snapshot-quota.ts'
import { ReadWorker } from './report/read-worker.ts'
import { READ_CACHE_BYTES, ReadCache } from './report/read-cache.ts'
import { RoomManager } from './sync/room-manager.ts'
import { syncRoutes } from './sync/socket-route.ts'
import { SqliteStorage } from './storage/sqlite/storage.ts'
import { openPostgresStorage } from './storage/postgres/storage.ts'
import type { Storage } from './storage/stores.ts'
import type { ReadSource } from './report/read-worker.ts'
import { InProcessBus, type RoomBus } from './bus/room-bus.ts'
import { RedisBus } from './bus/redis-bus.ts'
import { redisRateLimiters } from './bus/redis-rate-limiter.ts'
import { RedisCensus } from './bus/redis-census.ts'
import { NoOtherProcesses } from './bus/connection-census.ts'
import { localRateLimiters, type RateLimiters } from './http/rate-limit.ts'

export interface RunningServer {
  port: number
  rooms: RoomManager
  storage: Storage
  /** Stops accepting, closes every socket, flushes and closes the database. */
  close(): Promise<void>
}

export function createApp(config: Config, storage: Storage, readSource: ReadSource, rooms: RoomManager, logger: Logger, limiters: RateLimiters = localRateLimiters) {
  const app = new Hono()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // @hono/node-ws has no option for it; ws reads maxPayload from its options on every upgrade.
  wss.options.maxPayload = config.maxMessageBytes

  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    // Health checks and hashed static files would drown the log; errors are always logged.
    if (c.res.status < 400 && (c.req.path === '/healthz' || c.req.path.startsWith('/assets/'))) return
    // Path only: query strings carry tokens.
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) })
  })
  app.use('*', securityHeaders(config.publicUrl))
  app.use('*', hostCheck(config.publicUrl, config.allowedHosts))
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds))
      return errorResponse(c, error.status, error.message, error.code)
    }
    logger.error('unhandled error', { path: c.req.path, error: errorMessage(error) })
    return errorResponse(c, 500, 'internal error', 'internal_error')
  })

  app.get('/healthz', (c) => c.json({ ok: true }))
  const api = new Hono()
  api.use('*', bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => errorResponse(c, 413, 'request body too large', 'body_too_large') }))
  // JSON, Markdown and CSV answers go out gzipped to whoever accepts it (exports and reports shrink
  // ~10×). The 1 KB threshold only applies to answers that state their length; c.json() does not,
  // so small JSON is gzipped too (~20 bytes more, microseconds). The built client has its own
  // pre-compressed copies, and /sync is no HTTP answer.
  api.use('*', compress({ threshold: 1024 }))
  mountRequestLimits(api, config, storage.boards, limiters, logger)
  // publicUrl: the origin the web app builds every board link from (PUBLIC_URL, else this request's).
  api.get('/config', (c) =>
    c.json({ licenseKey: config.licenseKey, publicUrl: linkOrigin(c, config), accessibilityContact: config.accessibilityContact, maxBodyBytes: config.maxBodyBytes } satisfies ClientConfig),
  )
  // The first computation of each heavy read runs in this worker, off the event loop.
  const reads = new ReadWorker(readSource, config.readQueueLimit)
  // Every board workflow goes through the service: no route touches the database or a live document.
  const service = new BoardService({
    storage,
    rooms,
    quota: snapshotQuota(storage, config),
    catalog: new TemplateCatalog(storage.templates),
    cache: new ReadCache(READ_CACHE_BYTES),
    reads,
    limits: {
      maxRecordsPerBoard: config.maxRecordsPerBoard,
      maxDraftsPerBoard: config.maxDraftsPerBoard,
      maxAssetBytes: config.maxAssetBytes,
      maxAssetBytesPerBoard: config.maxAssetBytesPerBoard,
    },
    logger,
  })
  api.route('/templates', templateRoutes(config, service))
  api.route('/boards', transferRoutes(config, service))
  api.route('/boards', reportRoutes(service))
  api.route('/boards', boardRoutes(config, service))
  api.route('/boards', linkRoutes(config, service))
  api.route('/boards', boardDeletionRoutes(service))
  api.route('/admin', adminRoutes(config, service))
  api.route('/boards', assetUploadRoutes(service, { uploadsPerMinute: config.assetUploadsPerMinute, trustProxy: config.trustProxy, limiters }))
  api.route('/assets', assetServeRoutes(service))
  api.route('/boards', snapshotRoutes(config, service))
  api.route('/boards', draftRoutes(service))
  api.route('/boards', voteRoutes(service))
  api.route('/boards', sessionRoutes(service))
  api.route('/time', timeRoutes())
  api.route('/boards', followRoutes(service))
  api.all('*', (c) => errorResponse(c, 404, 'no such API route', 'not_found'))
  app.route('/api', api)
  app.route(SYNC_PATH, syncRoutes(config, upgradeWebSocket, storage.boards, rooms, service.drafts, logger))
  app.route('/', staticClient(config.clientDir))

  return { app, injectWebSocket, wss, reads }
}

function snapshotQuota(storage: Storage, config: Config): SnapshotQuota {
  return new SnapshotQuota(storage.snapshots, { maxManual: config.maxSnapshotsPerBoard, maxBytes: config.maxSnapshotBytesPerBoard })
}

/** Unused images are looked for this often (or every grace period, when that is shorter). */
const ASSET_SWEEP_EVERY_MS = 10 * 60_000

function startAssetSweep(storage: Storage, rooms: RoomManager, config: Config, logger: Logger): { stop(): void } {
  const sweeper = new AssetSweeper(storage.assets, { graceMs: config.assetGraceMs, beforeSweep: () => rooms.flush(), logger })
  return sweeper.start(Math.max(1_000, Math.min(ASSET_SWEEP_EVERY_MS, config.assetGraceMs)))
}

/** How often the background checkpoint copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 1_000

/** SQLite in DATA_DIR, or PostgreSQL when DATABASE_URL is set (its schema brought up to date first). */
async function openStorage(config: Config): Promise<{ storage: Storage; readSource: ReadSource }> {
  const retention = { keepAllHours: config.snapshotKeepAllHours, dailyForDays: config.snapshotDailyDays }
  if (config.databaseUrl === null) {
    const storage = SqliteStorage.open(config.dataDir, retention)
    return { storage, readSource: { engine: 'sqlite', file: storage.file } }
  }
  return { storage: await openPostgresStorage(config.databaseUrl, retention), readSource: { engine: 'postgres', url: config.databaseUrl } }
}

/** How long start-up waits for Redis before giving up with a clear message. */
const REDIS_START_TIMEOUT_MS = 10_000

/** The room bus: Redis when REDIS_URL is set (several processes), else nothing to tell anyone. */
async function openBus(config: Config, logger: Logger): Promise<RoomBus> {
  if (config.redisUrl === null) return new InProcessBus()
  const bus = new RedisBus(config.redisUrl, logger)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis at REDIS_URL did not answer within ${REDIS_START_TIMEOUT_MS / 1000} s`)), REDIS_START_TIMEOUT_MS)
  })
  try {
    await Promise.race([bus.ready(), timeout])
  } catch (error) {
    await bus.close()
    throw error
  } finally {
    clearTimeout(timer)
  }
  return bus
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { storage, readSource } = await openStorage(config)
  const checkpointer =
    storage instanceof SqliteStorage ? startCheckpointer(storage.file, CHECKPOINT_EVERY_MS, (error) => logger.warn('background checkpoint failed', { error })) : null
  const bus = await openBus(config, logger)
  const autoSnapshotting = autoSnapshots(storage.snapshots, snapshotQuota(storage, config), config.autoSnapshotEveryMs, logger)
  const isAnonymous = async (id: string) => (await storage.boards.get(id))?.anonymous ?? false
  // A cluster's connection caps count every process's connections.
  const census = bus instanceof RedisBus ? new RedisCensus(bus.commands, bus.processId) : new NoOtherProcesses()
  // Boards and participants' drafts are rooms of one manager, each stored in its own tables.
  const documents = new DocumentRouter(storage.documents, storage.draftDocuments)
  const rooms = new RoomManager(documents, config, logger, isAnonymous, autoSnapshotting, bus, census)
  // Several processes share their rate limits through Redis, as they share boards.
  const limiters = bus instanceof RedisBus ? redisRateLimiters(bus.commands) : localRateLimiters
  const { app, injectWebSocket, wss, reads } = createApp(config, storage, readSource, rooms, logger, limiters)

  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started))
    started.once('error', reject)
  })
  injectWebSocket(server)
  const assetSweep = startAssetSweep(storage, rooms, config, logger)
  const port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= Promise.all([
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of wss.clients) socket.terminate()
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
      // Stores what is queued and compacts every room before the database closes.
      rooms.closeAll().catch((error: unknown) => logger.error('closing rooms failed', { error: errorMessage(error) })),
    ])
      .then(() => {
        assetSweep.stop()
        return Promise.all([checkpointer?.stop(), reads.close(), bus.close()]).then(() => undefined)
      })
      .finally(() => storage.close()))

  return { port, rooms, storage, close }
}
