/**
 * The steps of a board: its zone frames in template order (`meta.zoneOrder`, as the harvest
 * orders its sections), each with its name and a short hint from the frame's own prompts.
 */
import { frameTimebox } from '../../shared/agenda.ts'
import { BoardGeometry, plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'

export interface Step {
  /** The frame's shape id. */
  id: string
  zone: string
  /** The frame's full name. */
  name: string
  /** The name to show under its parent step: without the parent's prefix ("Sessie 1A – …"). */
  label: string
  hint: string
  /** The zone this one lies in, if any. */
  parentId: string | null
  /** The minutes the template suggests for it (the frame's `meta.timebox`), if any. */
  timebox: number | null
}

const HINT_MAX = 110

export function boardSteps(records: readonly HarvestRecord[]): Step[] {
  const geometry = new BoardGeometry(records)
  const frames = geometry.zoneFrames()
  const order = (frame: Shape) => (typeof frame.meta.zoneOrder === 'number' ? frame.meta.zoneOrder : Number.MAX_SAFE_INTEGER)
  const sorted = [...frames].sort((a, b) => {
    const ba = geometry.bounds(a)
    const bb = geometry.bounds(b)
    return order(a) - order(b) || geometry.pageRank(a) - geometry.pageRank(b) || ba.minY - bb.minY || ba.minX - bb.minX
  })
  const zoneIds = new Set(frames.map((frame) => frame.id))
  const nameOf = (frame: Shape) => (typeof frame.props.name === 'string' && frame.props.name.trim()) || String(frame.meta.zone)
  const steps = sorted.map((frame): Step & { hints: string[] } => {
    const parent = zoneParent(geometry, frame, zoneIds)
    const name = nameOf(frame)
    return { id: frame.id, zone: String(frame.meta.zone), name, label: parent ? withoutPrefix(name, nameOf(parent)) : name, hint: '', parentId: parent?.id ?? null, timebox: frameTimebox(frame.meta), hints: hintsOf(geometry, frame) }
  })
  // A hint every step shares ("Vink af wat geregeld is…") says nothing about the step: take the next.
  const count = new Map<string, number>()
  for (const step of steps) for (const hint of step.hints) count.set(hint, (count.get(hint) ?? 0) + 1)
  return steps.map(({ hints, ...step }) => ({ ...step, hint: hints.find((hint) => count.get(hint) === 1) ?? '' }))
}

/** Candidate hints, best first: the first sentence of each prompt, then each subheading. */
function hintsOf(geometry: BoardGeometry, frame: Shape): string[] {
  const byRole = (role: string) =>
    geometry
      .children(frame)
      .filter((shape) => shape.meta.scaffold === true && shape.meta.role === role)
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((shape) => plainText(shape))
      .filter(Boolean)
  return [...byRole('prompt'), ...byRole('subheading')].map((text) => shorten(firstSentence(text)))
}

export function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.replace(/^[•\-–*]\s*/, '').trim()
  const end = line.search(/[.?!](\s|$)/)
  return end === -1 ? line : line.slice(0, end + 1)
}

function shorten(text: string): string {
  if (text.length <= HINT_MAX) return text
  const cut = text.slice(0, HINT_MAX - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > HINT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`
}

/** "Sessie 1A – handelingsperspectief collectief" under "Sessie 1A – Het waarom ophalen" → "Handelingsperspectief collectief". */
export function withoutPrefix(name: string, parentName: string): string {
  const prefix = /^(.+?)\s+[–—:-]\s+/.exec(parentName)?.[1]
  if (!prefix) return name
  const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[–—:-]\\s+(.+)$`).exec(name)
  if (!match) return name
  const rest = match[1]!
  return rest.charAt(0).toLocaleUpperCase('nl') + rest.slice(1)
}

function zoneParent(geometry: BoardGeometry, frame: Shape, zoneIds: Set<string>): Shape | null {
  let parent = geometry.shape(frame.parentId)
  for (let guard = 0; parent && guard < 64; guard++) {
    if (zoneIds.has(parent.id)) return parent
    parent = geometry.shape(parent.parentId)
  }
  return null
}
