/**
 * Performance marks for the way a board opens (`dialoogbord:<phase>`, first occurrence only), so
 * bench/browser-open.ts and DevTools can tell where a slow open spends its time. A mark costs
 * next to nothing and says nothing a person's own tab doesn't already know.
 */
export const OPEN_MARKS = {
  prefix: 'dialoogbord:',
  /** In the order they happen. */
  names: ['connecting', 'synced', 'store created', 'records loaded', 'editor mounted'],
} as const

export type OpenPhase = (typeof OPEN_MARKS.names)[number]

const marked = new Set<OpenPhase>()

export function markOpen(phase: OpenPhase): void {
  if (marked.has(phase) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  marked.add(phase)
  performance.mark(OPEN_MARKS.prefix + phase)
}
