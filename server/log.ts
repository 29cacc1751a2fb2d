/**
 * Structured logs: one JSON object per line on stdout. Callers pass only what is safe to keep:
 * never tokens, names, IP addresses or board content.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit = (level: string, msg: string, fields?: LogFields) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n')
  }
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  }
}

/** For errors: the message only, never the stack of user-supplied data. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * For faults of our own (uncaught exceptions, failing handlers): the message, the error's type
 * and where it was thrown (the first stack frame), as fields of one JSON line, never raw stack text.
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) }
  const at = error.stack
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim()
    .slice(3, 300)
  return { error: error.message.slice(0, 1000), errorType: error.name, at }
}

/** One log line for what a library printed with console.*: its text, or its error's fields. */
function consoleFields(args: unknown[]): LogFields {
  const error = args.find((arg) => arg instanceof Error)
  if (error) return errorFields(error)
  return { text: args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' ').slice(0, 1000) }
}

/**
 * Routes process-level faults into the log: an unhandled rejection is logged and the server goes
 * on; an uncaught exception is logged and then `onFatal` runs (the process state is unknown).
 * Libraries that print with console.* (@hono/node-ws prints a throwing socket handler's stack
 * with console.error) are logged as JSON lines too.
 */
export function logProcessFaults(logger: Logger, onFatal: () => void): void {
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', errorFields(reason)))
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', errorFields(error))
    onFatal()
  })
  console.error = (...args: unknown[]) => logger.error('console.error', consoleFields(args))
  console.warn = (...args: unknown[]) => logger.warn('console.warn', consoleFields(args))
  console.log = (...args: unknown[]) => logger.info('console.log', consoleFields(args))
  console.info = console.log
}
