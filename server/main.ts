/** Entry point: read the environment, serve, and shut down cleanly on SIGTERM/SIGINT. */
import { isMainThread } from 'node:worker_threads'
import { startServer } from './app.ts'
import { loadConfig } from './config.ts'
import { hostCheckWarning } from './http/host-check.ts'
import { publicUrlWarning } from './http/link-origin.ts'
import { createLogger, errorMessage, logProcessFaults } from './log.ts'

const SHUTDOWN_DEADLINE_MS = 4_000

const logger = createLogger()
// Before anything else runs: a fault anywhere becomes one JSON line, never a raw stack on stderr.
if (isMainThread) logProcessFaults(logger, () => process.exit(1))

async function main(): Promise<void> {
  const config = loadConfig()
  // Before 'listening', so whoever watches for that line has seen the advice too.
  const linkWarning = publicUrlWarning(config.host, config.publicUrlSet)
  if (linkWarning) logger.warn(linkWarning)
  const server = await startServer(config, logger)
  // Where the boards live (no credentials: the database and Redis are named by engine only).
  const storage = config.databaseUrl === null ? { storage: 'sqlite', dataDir: config.dataDir } : { storage: 'postgres', shared: config.redisUrl !== null ? 'redis' : 'none' }
  logger.info('listening', { url: config.publicUrl, port: server.port, host: config.host, ...storage })
  const hostWarning = hostCheckWarning(config.host, config.publicUrl, config.allowedHosts)
  if (hostWarning) logger.warn(hostWarning)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS).unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: errorMessage(error) })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

// Worker threads (the harvest's) run this bundle too: only the main thread serves.
if (isMainThread) {
  main().catch((error: unknown) => {
    logger.error('failed to start', { error: errorMessage(error) })
    process.exit(1)
  })
}
