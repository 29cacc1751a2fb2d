import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger, errorFields } from './log.ts'

describe('errorFields', () => {
  it('keeps the message, the type and the first stack frame, never the stack text', () => {
    const fields = errorFields(new TypeError('kapot'))
    expect(fields).toMatchObject({ error: 'kapot', errorType: 'TypeError' })
    expect(String(fields.at)).toContain('log.test.ts')
    expect(String(fields.at)).not.toContain('\n')
    expect(errorFields('zomaar')).toEqual({ error: 'zomaar' })
  })
})

describe('logProcessFaults', () => {
  it('turns console output, unhandled rejections and an uncaught exception into JSON lines, then exits 1', () => {
    const script = `
      import { createLogger, logProcessFaults } from ${JSON.stringify(path.resolve('server/log.ts'))}
      logProcessFaults(createLogger(), () => process.exit(1))
      console.error(new RangeError('Maximum call stack size exceeded'))
      console.log('gewoon', 42)
      Promise.reject(new Error('niet afgehandeld'))
      setTimeout(() => { throw new Error('onverwacht') }, 10)
      setTimeout(() => process.exit(0), 5_000)
    `
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 })
    expect(child.stderr).toBe('')
    expect(child.status).toBe(1)
    const lines = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['error', 'console.error'],
      ['info', 'console.log'],
      ['error', 'unhandled rejection'],
      ['error', 'uncaught exception'],
    ])
    expect(lines[0]).toMatchObject({ error: 'Maximum call stack size exceeded', errorType: 'RangeError' })
    expect(lines[1]).toMatchObject({ text: 'gewoon 42' })
    expect(lines[3]).toMatchObject({ error: 'onverwacht' })
  })

  it('writes one line per entry', () => {
    const lines: string[] = []
    createLogger((line) => lines.push(line)).warn('let op', { board: 'b1' })
    expect(lines).toHaveLength(1)
    expect(lines[0]!.endsWith('\n')).toBe(true)
  })
})
