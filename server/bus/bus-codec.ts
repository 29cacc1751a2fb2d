/**
 * The bus's wire format: binary, so document and awareness updates travel as they are (no base64).
 *   varString  sender process id (a process ignores its own messages)
 *   varUint    kind: 0 update, 1 awareness, 2 control
 *   update:    varUint seq, varUint8Array data
 *   awareness: varUint8Array data
 *   control:   varString JSON of the BoardControl
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { ROLES } from '../../shared/roles.ts'
import type { BoardControl, BusMessage } from './room-bus.ts'

const KIND = { update: 0, awareness: 1, control: 2 } as const

const role = z.enum(ROLES)
const control: z.ZodType<BoardControl> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('close'), roles: z.array(role).optional(), code: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal('anonymous'), anonymous: z.boolean() }),
  z.object({ type: z.literal('expiry'), role, expiresAt: z.string().nullable() }),
  z.object({ type: z.literal('deleted') }),
  z.object({ type: z.literal('snapshot-taken') }),
])

export function encodeBusMessage(from: string, message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, KIND[message.kind])
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq)
      encoding.writeVarUint8Array(encoder, message.data)
      break
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.data)
      break
    case 'control':
      encoding.writeVarString(encoder, JSON.stringify(message.control))
      break
  }
  return encoding.toUint8Array(encoder)
}

/** The sender and message, or null for anything malformed (another version, a stray publisher). */
export function decodeBusMessage(bytes: Uint8Array): { from: string; message: BusMessage } | null {
  try {
    const decoder = decoding.createDecoder(bytes)
    const from = decoding.readVarString(decoder)
    const kind = decoding.readVarUint(decoder)
    switch (kind) {
      case KIND.update: {
        const seq = decoding.readVarUint(decoder)
        return { from, message: { kind: 'update', seq, data: decoding.readVarUint8Array(decoder) } }
      }
      case KIND.awareness:
        return { from, message: { kind: 'awareness', data: decoding.readVarUint8Array(decoder) } }
      case KIND.control: {
        const parsed = control.safeParse(JSON.parse(decoding.readVarString(decoder)))
        return parsed.success ? { from, message: { kind: 'control', control: parsed.data } } : null
      }
      default:
        return null
    }
  } catch {
    return null
  }
}
