/** Where a template's zone lies on a new board made from it, so tests can put cards in a part. */
import type { TLShape } from '@tldraw/tlschema'
import { documentRecords } from '../initial-document.ts'
import { findTemplate } from '../../templates/index.ts'

/** A point `x`, `y` from the top left of the zone frame `zone` of the template's board. */
export function inZone(zone: string, x: number, y: number, templateId = 'casusreconstructie'): { x: number; y: number } {
  const template = findTemplate(templateId)
  if (!template) throw new Error(`no template ${templateId}`)
  const frame = documentRecords(template).find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === zone)
  if (!frame) throw new Error(`template ${templateId} has no zone ${zone}`)
  return { x: frame.x + x, y: frame.y + y }
}
