/** What the cards show of a vote: your own dots while it is open, the counts once it is closed. */

/** How many of your dots lie on each card (a card may hold several). */
export function dotsPerCard(mine: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const shapeId of mine) counts.set(shapeId, (counts.get(shapeId) ?? 0) + 1)
  return counts
}

/** Dots you may still place; never below zero (another tab may have raced this one). */
export function dotsLeft(perParticipant: number, mine: readonly string[]): number {
  return Math.max(0, perParticipant - mine.length)
}

/** How many places count as "the top" of a vote's results. */
export const TOP_PLACES = 3

/**
 * The cards to highlight: those with as many dots as the card in place `places` or more (ties
 * share a place, so a tie for third highlights every tied card). Cards without dots never are.
 */
export function topCards(results: readonly { shapeId: string; votes: number }[], places = TOP_PLACES): Set<string> {
  const counts = results.map((result) => result.votes).filter((votes) => votes > 0).sort((a, b) => b - a)
  if (counts.length === 0) return new Set()
  const threshold = counts[Math.min(places, counts.length) - 1]!
  return new Set(results.filter((result) => result.votes >= threshold && result.votes > 0).map((result) => result.shapeId))
}

/** The results most dots first, as the server sent them, with ties sharing a rank (1, 2, 2, 4). */
export function ranked<T extends { votes: number }>(results: readonly T[]): (T & { rank: number })[] {
  const sorted = [...results].sort((a, b) => b.votes - a.votes)
  return sorted.map((result) => ({ ...result, rank: sorted.findIndex((other) => other.votes === result.votes) + 1 }))
}
