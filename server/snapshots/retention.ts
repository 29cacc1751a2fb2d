/**
 * Which automatic snapshots to thin out. Manual snapshots are never pruned. Defaults: every
 * automatic snapshot of the last day, then the newest one per day for 90 days, then the newest
 * one per month.
 */
export interface RetentionPolicy {
  keepAllHours: number
  dailyForDays: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllHours: 24, dailyForDays: 90 }

const HOUR = 3_600_000
const DAY = 24 * HOUR

export function autoSnapshotsToPrune(
  snapshots: readonly { id: string; createdAt: string }[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keptBuckets = new Set<string>()
  const prune: string[] = []
  for (const snapshot of newestFirst) {
    const age = now.getTime() - Date.parse(snapshot.createdAt)
    if (age < policy.keepAllHours * HOUR) continue
    const day = snapshot.createdAt.slice(0, 10) // UTC calendar day
    const bucket = age < policy.dailyForDays * DAY ? `day:${day}` : `month:${day.slice(0, 7)}`
    if (keptBuckets.has(bucket)) prune.push(snapshot.id)
    else keptBuckets.add(bucket)
  }
  return prune
}
