import { describe, expect, it } from 'vitest'
import { documentRecords } from '../../server/initial-document.ts'
import { findTemplate } from '../../templates/index.ts'
import { fitLabel, templatePreview } from './template-preview.ts'

describe('templatePreview', () => {
  it('draws every frame with its name and every card, inside the view', () => {
    const model = templatePreview(documentRecords(findTemplate('casusreconstructie')!))
    expect(model.frames.map((frame) => frame.name)).toEqual([
      '1 Introductie en spelregels',
      '2 Tijdlijn',
      '3 Reflectie en rode draden',
      '4 Lessen en vervolgstappen',
      '5 Werkafspraken en vervolg',
    ])
    expect(model.cards.length).toBeGreaterThan(20)
    for (const box of [...model.frames, ...model.cards]) {
      expect(box.x).toBeGreaterThanOrEqual(model.view.x)
      expect(box.y).toBeGreaterThanOrEqual(model.view.y)
      expect(box.x + box.w).toBeLessThanOrEqual(model.view.x + model.view.w)
      expect(box.y + box.h).toBeLessThanOrEqual(model.view.y + model.view.h)
    }
  })

  it('puts nested frames after their parents', () => {
    const model = templatePreview(documentRecords(findTemplate('bestuurlijke-dialoog')!))
    const depths = model.frames.map((frame) => frame.depth)
    expect(depths).toEqual([...depths].sort((a, b) => a - b))
    expect(depths.at(-1)).toBe(1)
  })

  it('gives an empty board an empty sketch', () => {
    expect(templatePreview([])).toMatchObject({ frames: [], cards: [] })
  })

  it('shortens labels that do not fit', () => {
    expect(fitLabel('2 Tijdlijn', 100, 10)).toBe('2 Tijdlijn')
    expect(fitLabel('1 Introductie en spelregels', 50, 10)).toBe('1 Intro…')
    expect(fitLabel('Lang', 5, 10)).toBe('')
  })
})
