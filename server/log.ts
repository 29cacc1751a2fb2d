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
