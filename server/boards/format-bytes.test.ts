import { expect, it } from 'vitest'
import { formatBytes } from './format-bytes.ts'

it('states a size limit in a unit that keeps the number readable', () => {
  expect(formatBytes(2 * 1024 * 1024)).toBe('2 MiB')
  expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MiB')
  expect(formatBytes(512 * 1024)).toBe('512 KiB')
  expect(formatBytes(300)).toBe('300 bytes')
})
