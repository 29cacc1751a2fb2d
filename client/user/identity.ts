/**
 * Who is at this device: a random id, a name (possibly empty: anonymous) and a colour derived
 * from the id, so the same person keeps the same cursor colour on every board and every visit.
 * Lives in localStorage only; the server never learns it.
 */
import { z } from 'zod'
import { readStored, writeStored } from '../storage/local.ts'

const IDENTITY_KEY = 'dialoogbord:identity'
export const NAME_MAX = 40

/**
 * Cursor colours dark enough for white name labels (WCAG AA contrast ≥ 4.5:1 against #fff) and
 * far enough apart (CIELAB ΔE ≥ 20) that fifteen people on one board tell each other apart.
 */
export const USER_COLORS = [
  '#1565C0',
  '#C62828',
  '#2E7D32',
  '#6A1B9A',
  '#AD5700',
  '#00796B',
  '#C2185B',
  '#4E342E',
  '#2F3FD0',
  '#6B6B00',
  '#0D3B66',
  '#A800C0',
  '#1B4D20',
  '#546E7A',
  '#8A1538',
  '#0079A8',
] as const

const identitySchema = z.object({
  id: z.string().min(8),
  name: z.string().max(NAME_MAX),
  /** Set once the person answered the name question (an empty name then means "anonymous"). */
  asked: z.boolean(),
  /** Chosen in tldraw's people menu; otherwise the colour follows from the id. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
})
type StoredIdentity = z.infer<typeof identitySchema>

export interface Identity {
  id: string
  name: string
  color: string
}

/** A stable colour for an id (FNV-1a hash into the palette). */
export function colorFor(id: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length]!
}

/**
 * One colour per participant on a board: each keeps the colour they prefer (from their id, or
 * picked) unless someone earlier in client-id order has it; then the next free palette colour.
 * Every client sees the same participants, so every client draws the same colours, and up to
 * USER_COLORS.length people never share one.
 */
export function distinctColors(participants: readonly { key: number; color: string }[]): Map<number, string> {
  const result = new Map<number, string>()
  const taken = new Set<string>()
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  for (const { key, color } of [...participants].sort((a, b) => a.key - b.key)) {
    let chosen = color
    if (taken.has(color.toLowerCase())) {
      const start = Math.max(0, USER_COLORS.findIndex((candidate) => same(candidate, color)))
      for (let step = 1; step <= USER_COLORS.length; step++) {
        const candidate = USER_COLORS[(start + step) % USER_COLORS.length]!
        if (!taken.has(candidate.toLowerCase())) {
          chosen = candidate
          break
        }
      }
    }
    taken.add(chosen.toLowerCase())
    result.set(key, chosen)
  }
  return result
}

export function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX)
}

function loadStored(): StoredIdentity {
  const stored = readStored(IDENTITY_KEY, (value) => {
    const parsed = identitySchema.safeParse(value)
    return parsed.success ? parsed.data : null
  })
  if (stored) return stored
  const fresh: StoredIdentity = { id: crypto.randomUUID(), name: '', asked: false }
  writeStored(IDENTITY_KEY, fresh)
  return fresh
}

/** The identity, or null when the name question has not been answered on this device yet. */
export function loadIdentity(): Identity | null {
  const stored = loadStored()
  return stored.asked ? toIdentity(stored) : null
}

/** This device's id and colour even before the name question (anonymous boards never ask it). */
export function deviceIdentity(): Identity {
  return toIdentity(loadStored())
}

function toIdentity(stored: StoredIdentity): Identity {
  return { id: stored.id, name: stored.name, color: stored.color ?? colorFor(stored.id) }
}

/** Remembers the answer to "Hoe heet je?" ('' = stay anonymous). */
export function saveName(name: string): Identity {
  const stored = loadStored()
  const next: StoredIdentity = { ...stored, name: normalizeName(name), asked: true }
  writeStored(IDENTITY_KEY, next)
  return toIdentity(next)
}

/** Remembers a colour picked in tldraw's people menu (ignored when not a #rrggbb colour). */
export function saveColor(color: string): Identity {
  const stored = loadStored()
  const next: StoredIdentity = /^#[0-9a-fA-F]{6}$/.test(color) ? { ...stored, color } : stored
  writeStored(IDENTITY_KEY, next)
  return toIdentity(next)
}
