/** The silent round's words and numbers, apart from React so they are tested as they are. */
import type { Translate } from '../i18n.ts'

/** "4:05" (minutes and seconds left), rounded up so it reaches 0:00 when the time is up. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = String(seconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`
}

export function countLines(t: Translate, counts: readonly number[]): string[] {
  return counts.map((count, i) => t(count === 1 ? 'drafts.silent.count.one' : 'drafts.silent.count.other', { n: String(i + 1), count: String(count) }))
}
