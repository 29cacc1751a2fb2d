/** Sizes in refusals ("images may be at most 2 MiB"). */

/** 2 MiB, 512 KiB, 300 bytes: the unit that keeps the number readable. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
