import { describe, expect, it } from 'vitest'
import { documentRecords } from '../../server/initial-document.ts'
import { findTemplate } from '../../templates/index.ts'
import { boardSteps, firstSentence, withoutPrefix } from './steps.ts'

const stepsOf = (templateId: string) => boardSteps(documentRecords(findTemplate(templateId)!))

describe('boardSteps', () => {
  it('lists the casusreconstructie zones in template order, with a short hint from each first prompt', () => {
    const steps = stepsOf('casusreconstructie')
    expect(steps.map((step) => step.zone)).toEqual(['spelregels', 'tijdlijn', 'rode-draden', 'lessen', 'afspraken'])
    expect(steps[0]).toMatchObject({ name: '1 Introductie en spelregels', label: '1 Introductie en spelregels', parentId: null })
    expect(steps[0]!.hint).toBe('Start met een kort rondje: mogelijk kennen niet alle partners elkaar.')
    expect(steps[1]!.hint).toBe('Plak het eerste moment met zijn duidingen op de tijdlijn en licht het toe.')
    for (const step of steps) expect(step.hint.length).toBeLessThanOrEqual(110)
  })

  it('nests zones that lie inside another zone, named without the parent’s prefix', () => {
    const steps = stepsOf('bestuurlijke-dialoog')
    const session = steps.find((step) => step.zone === 'sessie-1a')!
    const children = steps.filter((step) => step.parentId === session.id)
    expect(children.map((step) => step.label)).toEqual(['Handelingsperspectief collectief', 'Handelingsperspectief individueel'])
    expect(children[0]!.name).toBe('Sessie 1A – handelingsperspectief collectief')
  })

  it('drops a hint every step shares, so the stakeholder steps do not all say the same', () => {
    const hints = stepsOf('stakeholderdialoog').map((step) => step.hint)
    expect(hints.some((hint) => hint.startsWith('Vink af'))).toBe(false)
    expect(hints.at(-1)).toBe('Spreek de vervolgacties glashelder af: wie doet wat, wanneer en hoe?')
  })

  it('has no steps on an empty board', () => {
    expect(stepsOf('leeg')).toEqual([])
  })

  it('cuts a hint at the end of its first sentence, without a leading bullet', () => {
    expect(firstSentence('• Wat is de opgave? En verder')).toBe('Wat is de opgave?')
    expect(firstSentence('Geen punt aan het eind')).toBe('Geen punt aan het eind')
    expect(withoutPrefix('Kaart', 'Sessie 2 – Toekomst')).toBe('Kaart')
  })
})
