/**
 * Gelijkwaardig gesprek (seed 002): waar beleid en uitvoering elkaar ontmoeten. De ambtelijke
 * sturingsdriehoek van eigenaar, opdrachtgever en opdrachtnemer, en ruimte voor knelpunten in de
 * uitvoering, dilemma's en het sturen op publieke waarden, met afspraken voor het vervolg.
 */
import type { TLDefaultColorStyle, TLPageId } from '@tldraw/tlschema'
import { BoardBuilder, bullets, Column, gridWidth, noteGrid, type FrameRef } from './shapes.ts'
import { scaffoldTriangle } from './triangle.ts'
import type { TemplateDefinition } from './types.ts'

/** Suggested minutes per part: together a session of about two hours. */
const TIMEBOX: Record<string, number> = { sturingsdriehoek: 30, knelpunten: 20, dilemmas: 20, 'publieke-waarden': 20, afspraken: 20 }

const PAD = 48
const GAP_X = 200
const GAP_Y = 240

const ROLLEN = [
  { key: 'eigenaar', title: 'Eigenaar', text: 'Bewaakt de continuïteit, kwaliteit en doelmatigheid van de uitvoeringsorganisatie.' },
  { key: 'opdrachtgever', title: 'Opdrachtgever', text: 'Formuleert vanuit het beleid de opdracht en de gewenste resultaten.' },
  { key: 'opdrachtnemer', title: 'Opdrachtnemer', text: 'Voert uit en brengt in wat er in de samenleving speelt en wat uitvoerbaar is.' },
] as const

interface Area {
  zone: string
  name: string
  intro: string
  questions: string[]
  color: TLDefaultColorStyle
  kind: string
}

const AREAS: Area[] = [
  {
    zone: 'knelpunten',
    name: 'Knelpunten in de uitvoering',
    intro: 'Wat speelt er écht in de uitvoering en in de samenleving?',
    questions: [
      'Waar loopt de uitvoering vast?',
      'Wat maakt beleid moeilijk uitvoerbaar?',
      'Wat merken inwoners en ondernemers ervan?',
      'Wat is er nodig om de dienstverlening te verbeteren?',
    ],
    color: 'light-red',
    kind: 'knelpunt',
  },
  {
    zone: 'dilemmas',
    name: 'Dilemma’s',
    intro: 'Welke afwegingen moeten beleid en uitvoering samen maken?',
    questions: [
      'Welke belangen of waarden botsen hier?',
      'Welke keuzes liggen er, en wat kost elke keuze?',
      'Wie moet meebeslissen over deze afweging?',
    ],
    color: 'orange',
    kind: 'dilemma',
  },
  {
    zone: 'publieke-waarden',
    name: 'Sturen op publieke waarden',
    intro: 'Welke publieke waarden staan op het spel, en hoe sturen we erop?',
    questions: [
      'Om welke waarden gaat het, bijvoorbeeld rechtvaardigheid, toegankelijkheid, betrouwbaarheid of doelmatigheid?',
      'Hoe verankeren we deze waarden in de samenwerking en de verantwoording?',
      'Welk goed praktijkvoorbeeld kennen we?',
    ],
    color: 'light-green',
    kind: 'publieke-waarde',
  },
]

function build(pageId: TLPageId) {
  const b = new BoardBuilder(pageId, 'gelijkwaardig')

  // Row 1: the steering triangle, with the conversation about it.
  const driehoek = b.frame({ zone: 'sturingsdriehoek', name: 'De sturingsdriehoek', x: 0, y: 0, w: 2400, h: 1000, timebox: TIMEBOX['sturingsdriehoek'] })
  const driehoekBottom = buildDriehoek(b, driehoek)
  const afspraken = b.frame({ zone: 'afspraken', name: 'Afspraken', x: driehoek.w + GAP_X, y: 0, w: 1200, h: 1000, timebox: TIMEBOX['afspraken'] })
  const afsprakenBottom = buildAfspraken(b, afspraken)
  const row1 = Math.max(driehoekBottom, afsprakenBottom) + PAD
  b.setFrameHeight(driehoek, row1)
  b.setFrameHeight(afspraken, row1)

  // Row 2: knelpunten, dilemma's, publieke waarden.
  const areaW = Math.floor((driehoek.w + GAP_X + afspraken.w - 2 * GAP_X) / 3)
  const y = row1 + GAP_Y
  const areas = AREAS.map((area, i) => {
    const frame = b.frame({ zone: area.zone, name: area.name, x: i * (areaW + GAP_X), y, w: areaW, h: 1000, timebox: TIMEBOX[area.zone] })
    const col = new Column(b, frame.id, PAD, PAD, areaW - 2 * PAD)
    col.heading(area.name, 16)
    col.subheading(area.intro, 16)
    col.prompt(bullets(area.questions), 32)
    return { frame, y: col.y, area }
  })
  const cardsY = Math.max(...areas.map((a) => a.y))
  const bottoms = areas.map(({ frame, area }) =>
    noteGrid(b, frame, { x: (areaW - gridWidth(4)) / 2, y: cardsY, columns: 4, color: area.color, kind: area.kind, notes: Array.from({ length: 8 }, () => ({})) }),
  )
  const h = Math.max(...bottoms) + PAD
  for (const { frame } of areas) b.setFrameHeight(frame, h)
  return b.build()
}

function buildDriehoek(b: BoardBuilder, frame: FrameRef): number {
  const textW = 760
  const col = new Column(b, frame.id, PAD, PAD, textW)
  col.heading('Een gelijkwaardig gesprek')
  col.prompt(
    [
      'Waar beleid en uitvoering elkaar ontmoeten, moet een gelijkwaardig gesprek ontstaan. Alleen zo komt op tafel wat er écht speelt in de samenleving en wat er nodig is om de publieke dienstverlening te verbeteren, met aandacht voor de uitvoerbaarheid van beleid en voor publieke waarden.',
      'Tussen publieke dienstverleners en ministeries vindt dit gesprek deels plaats in de ambtelijke sturingsdriehoek van eigenaar, opdrachtgever en opdrachtnemer. Voer het ook met gemeenten en andere medeoverheden.',
    ].join('\n'),
    32,
  )
  col.subheading('Bespreek')
  col.prompt(
    bullets([
      'Hoe gelijkwaardig is het gesprek tussen de drie rollen nu?',
      'Wie zit er (nog) niet aan tafel: gemeenten, medeoverheden, toezichthouders, de decentrale uitvoering?',
      'Waar wringt het tussen de rollen, bijvoorbeeld bij ketensturing of meervoudig opdrachtgeverschap?',
      'Wat hebben de rollen van elkaar nodig?',
    ]),
    32,
  )
  col.subheading('Inbreng')
  const notesBottom = noteGrid(b, frame, { x: PAD, y: col.y, columns: 3, color: 'yellow', kind: 'inbreng', notes: [{}, {}, {}] })

  // The triangle at the right: owner on top, client and contractor below.
  const left = PAD + textW + 120
  const areaW = frame.w - left - PAD
  const top = PAD + 40
  const triangleH = 760
  scaffoldTriangle(b, frame.id, {
    left,
    top,
    width: areaW,
    height: triangleH,
    inset: 0,
    node: { w: 440, h: 180, geo: 'rectangle', color: 'blue', fill: 'semi', size: 's' },
    corners: ROLLEN.map((rol) => ({ key: `rol-${rol.key}`, text: `${rol.title}\n${rol.text}` })),
  })
  b.scaffoldText(frame.id, {
    role: 'label',
    x: left + areaW / 2 - 200,
    y: top + triangleH / 2 + 20,
    w: 400,
    text: 'Het goede gesprek tussen beleid en uitvoering',
    size: 's',
    textAlign: 'middle',
  })
  return Math.max(notesBottom, top + triangleH)
}

function buildAfspraken(b: BoardBuilder, frame: FrameRef): number {
  const innerW = frame.w - 2 * PAD
  const col = new Column(b, frame.id, PAD, PAD, innerW)
  col.heading('Afspraken')
  col.prompt('Wat spreken we af over het vervolg van het gesprek, over knelpunten en dilemma’s en over het sturen op publieke waarden? Wie doet wat, wanneer en hoe? Eén afspraak per kaart.', 32)
  return b.agreementStack(frame, { x: PAD, y: col.y, w: innerW, count: 4 })
}

export const gelijkwaardigGesprek: TemplateDefinition = {
  id: 'gelijkwaardig-gesprek',
  title: 'Gelijkwaardig gesprek',
  description: 'Beleid en uitvoering in gesprek: de sturingsdriehoek, knelpunten, dilemma’s en publieke waarden.',
  build,
}
