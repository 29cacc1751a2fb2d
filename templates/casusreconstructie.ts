/**
 * Casusreconstructie (seed 004): samen een casus reconstrueren om van het gezamenlijk handelen te
 * leren. Vijf stappen: introductie en spelregels, de tijdlijn met momenten en duidingen, reflectie
 * met de samenwerkingsdriehoek en rode draden, lessen, en werkafspraken met een vervolgafspraak.
 * Elk soort kaart heeft de kleur van zijn baan (KIND_COLOURS, shared/card-rules.ts), zodat een
 * nieuwe kaart in een baan er meteen zo uitziet (client/cards/lane-style.ts).
 */
import type { TLPageId } from '@tldraw/tlschema'
import { KIND_COLOURS } from '../shared/card-rules.ts'
import { BoardBuilder, bullets, Column, gridWidth, noteGrid, TEXT_FONT_SIZE, type FrameRef } from './shapes.ts'
import { scaffoldTriangle } from './triangle.ts'
import type { TemplateDefinition } from './types.ts'

/** Suggested minutes per step: together a two-hour session. */
const TIMEBOX = { spelregels: 10, tijdlijn: 45, rodeDraden: 30, lessen: 20, afspraken: 15 }

const PAD = 48
const GAP_X = 200
const GAP_Y = 240

const SPELREGELS = [
  'In de bijeenkomst doen we niet aan waarheidsvinding.',
  'We zitten hier met veel verschillende perspectieven. Wees nieuwsgierig en stel elkaar vragen.',
  'Spreek alleen vanuit je eigen ervaring. Vul niet in voor de ander.',
  'Geef elkaar de ruimte in het gesprek.',
  'Chatham House Rule: alles wat vandaag wordt besproken, mag worden gedeeld, maar niet tot op de persoon herleidbaar, tenzij anders aangegeven.',
]

const VRAGEN_MOMENTEN = [
  'Wanneer begint de casus (voor jullie)?',
  'Wat was een volgend bepalend moment in de casus?',
  'Wat was een moment waarop er iets veranderde in de samenwerking?',
  'Ontbreken er bepalende momenten in de tussentijd?',
]

const VRAGEN_DUIDINGEN = [
  'Wat betekende dit moment voor jullie?',
  'Wat ging er in jullie om?',
  'Hoe ervaarde je de samenwerking met andere partijen op dat moment?',
  'Was er iets wat je miste in de samenwerking?',
  'Waarom kozen jullie voor deze actie of interventie?',
  'Wat deed die handeling of interventie met jullie?',
  'Wat voor effect had de handeling of interventie op de samenwerking?',
]

const DRIEHOEK = [
  {
    key: 'doel',
    title: 'Doel en inhoud',
    questionsTitle: 'Identificeer doel en inhoud',
    questions: [
      'In hoeverre hebben de partners hetzelfde beeld bij het doel of de opgave waar ze voor staan?',
      'Wat is dit doel, wat is de opgave?',
      'In hoeverre zitten er tegenstrijdigheden of spanningen in de opgave?',
      'Hoe raken de eigen doelen en belangen van partners aan de gedeelde opgave?',
      'In hoeverre is er een gedeeld beeld van wat nodig is om aan deze opgave te werken? Waar zitten mogelijk verschillen?',
    ],
  },
  {
    key: 'speelveld',
    title: 'Speelveld en spelregels',
    questionsTitle: 'Baken het speelveld af en benoem de spelregels',
    questions: [
      'In hoeverre is het speelveld duidelijk: wie doet wanneer mee (en waarom)?',
      'Wat zijn de (impliciete) spelregels van de samenwerking? Die kunnen informeel of formeel zijn.',
      'Zijn er signalen waaruit blijkt dat de spelregels niet werken?',
      'In hoeverre ervaren de partners de spelregels als helder en eerlijk?',
      'Ontbreken er spelregels? Zo ja, formuleer ze met de partners.',
    ],
  },
  {
    key: 'relatienetwerk',
    title: 'Relatienetwerk',
    questionsTitle: 'Onderzoek het relatienetwerk: gedrag en effecten',
    questions: [
      'Hoe ervaren de partners de onderlinge relaties?',
      'In hoeverre is er regelmatig onderling contact?',
      'In hoeverre is er voldoende waardering, vertrouwen en respect om goed samen te kunnen werken?',
      'Onderzoek concrete momenten uit de tijdlijn: wat voor effect had een handeling op de samenwerking?',
    ],
  },
] as const


function build(pageId: TLPageId) {
  const b = new BoardBuilder(pageId, 'casus')

  // Row 1: introductie (1200) and tijdlijn (4200).
  const intro = b.frame({ zone: 'spelregels', name: '1 Introductie en spelregels', x: 0, y: 0, w: 1200, h: 1000, timebox: TIMEBOX.spelregels })
  const introBottom = buildIntro(b, intro)
  const tijdlijn = b.frame({ zone: 'tijdlijn', name: '2 Tijdlijn', x: intro.w + GAP_X, y: 0, w: 4200, h: 1000, timebox: TIMEBOX.tijdlijn })
  const tijdlijnBottom = buildTijdlijn(b, tijdlijn)
  const row1 = Math.max(introBottom, tijdlijnBottom) + PAD
  b.setFrameHeight(intro, row1)
  b.setFrameHeight(tijdlijn, row1)

  // Row 2: reflectie (2600), lessen (1200), werkafspraken (1400).
  const y2 = row1 + GAP_Y
  const reflectie = b.frame({ zone: 'rode-draden', name: '3 Reflectie en rode draden', x: 0, y: y2, w: 2600, h: 1000, timebox: TIMEBOX.rodeDraden })
  const reflectieBottom = buildReflectie(b, reflectie)
  const lessen = b.frame({ zone: 'lessen', name: '4 Lessen en vervolgstappen', x: reflectie.w + GAP_X, y: y2, w: 1200, h: 1000, timebox: TIMEBOX.lessen })
  const lessenBottom = buildLessen(b, lessen)
  const afspraken = b.frame({ zone: 'afspraken', name: '5 Werkafspraken en vervolg', x: lessen.pageX + lessen.w + GAP_X, y: y2, w: 1400, h: 1000, timebox: TIMEBOX.afspraken })
  const afsprakenBottom = buildAfspraken(b, afspraken)
  const row2 = Math.max(reflectieBottom, lessenBottom, afsprakenBottom) + PAD
  for (const frame of [reflectie, lessen, afspraken]) b.setFrameHeight(frame, row2)

  return b.build()
}

function buildIntro(b: BoardBuilder, frame: FrameRef): number {
  const col = new Column(b, frame.id, PAD, PAD, frame.w - 2 * PAD)
  col.heading('1 Introductie en spelregels')
  col.prompt(
    [
      'Start met een kort rondje: mogelijk kennen niet alle partners elkaar.',
      'Licht de opzet van de bijeenkomst toe. Benadruk: het doel is te leren en inzicht te krijgen in het gezamenlijk handelen, niet om fouten te identificeren.',
      'Spreek met de groep spelregels af. Hieronder staan voorbeelden: pas ze aan, haal weg wat niet past en vul aan.',
    ].join('\n'),
  )
  col.subheading('Onze spelregels')
  return noteGrid(b, frame, {
    x: PAD,
    y: col.y,
    columns: 4,
    gap: 48,
    color: 'yellow',
    kind: 'spelregel',
    notes: [...SPELREGELS.map((text) => ({ text })), {}, {}, {}],
  })
}

function buildTijdlijn(b: BoardBuilder, frame: FrameRef): number {
  const questionsW = 620
  const laneW = frame.w - 3 * PAD - questionsW
  const col = new Column(b, frame.id, PAD, PAD, laneW)
  col.heading('2 Reconstrueren van de tijdlijn')
  col.prompt(
    [
      'Plak het eerste moment met zijn duidingen op de tijdlijn en licht het toe. De partners reageren en gaan erover in gesprek. Plak pas daarna het volgende moment.',
      'Schrijf ter plekke aanvullende momenten en duidingen mee. Momenten (geel) komen boven de tijdlijn, duidingen (blauw) eronder, bij het moment waar ze bij horen. Een nieuwe kaart krijgt vanzelf de kleur van zijn baan.',
      'Geef elk moment een datum: typ een regel ‘Datum: 3 maart 2023’ op de kaart, of kies de datum in het paneel Kaart. De datum staat dan bovenaan de kaart.',
    ].join('\n'),
    32,
  )

  const laneH = 340
  const lanes = [
    { lane: 'momenten', label: 'Momenten', color: KIND_COLOURS.moment, kind: 'moment', meta: { date: '' } },
    { lane: 'duidingen', label: 'Duidingen', color: KIND_COLOURS.duiding, kind: 'duiding', meta: {} },
  ] as const
  const momentenY = col.y
  const axisY = momentenY + laneH + 50
  const duidingenY = axisY + 50
  lanes.forEach((lane, i) => {
    const y = i === 0 ? momentenY : duidingenY
    b.scaffoldGeo(frame.id, {
      key: `lane-${lane.lane}`,
      role: 'lane',
      extraMeta: { lane: lane.lane },
      x: PAD,
      y,
      w: laneW,
      h: laneH,
      text: lane.label,
      geo: 'rectangle',
      dash: 'dashed',
      color: 'grey',
      fill: 'none',
      size: 'm',
      align: 'start',
      verticalAlign: 'start',
    })
    // Three empty cards spread along the lane, as an invitation.
    for (let n = 0; n < 3; n++) {
      b.note(frame, { x: PAD + Math.round((laneW * (2 * n + 1)) / 6) - 100, y: y + 90, color: lane.color, kind: lane.kind, meta: lane.meta })
    }
  })
  b.scaffoldArrow(frame.id, {
    role: 'axis',
    x: PAD,
    y: axisY,
    start: { point: { x: 0, y: 0 } },
    end: { point: { x: laneW, y: 0 } },
    size: 'l',
    color: 'black',
    text: 'tijd',
    labelPosition: 0.96,
  })

  const questions = new Column(b, frame.id, frame.w - PAD - questionsW, PAD + TEXT_FONT_SIZE.xl * 1.35 + 24, questionsW)
  questions.subheading('Vragen om tot bepalende momenten te komen')
  questions.prompt(bullets(VRAGEN_MOMENTEN), 32)
  questions.subheading('Vragen om tot duiding van de momenten te komen')
  questions.prompt(bullets(VRAGEN_DUIDINGEN), 0)
  return Math.max(duidingenY + laneH, questions.y)
}

function buildReflectie(b: BoardBuilder, frame: FrameRef): number {
  const rightW = gridWidth(2, 40)
  const leftW = frame.w - 3 * PAD - rightW
  const col = new Column(b, frame.id, PAD, PAD, leftW)
  col.heading('3 Reflectie en rode draden')
  col.prompt(
    [
      'Reflecteer met de partijen op de tijdlijn als geheel: wat valt op in de gebeurtenissen en in de samenwerking? Wat werkt belemmerend, wat juist helpend?',
      'Gebruik de samenwerkingsdriehoek ter inspiratie en om door te vragen. Formuleer daarna samen 3 tot 4 rode draden die je terugziet in de tijdlijn, om focus aan te brengen.',
    ].join('\n'),
    40,
  )

  // The collaboration triangle: three corners joined by lines, the central question inside.
  const top = col.y
  const triangleH = 440
  const centre = PAD + leftW / 2
  scaffoldTriangle(b, frame.id, {
    left: PAD,
    top,
    width: leftW,
    height: triangleH,
    inset: 120,
    node: { w: 400, h: 100, geo: 'ellipse', color: 'violet', fill: 'semi', size: 'l' },
    corners: DRIEHOEK.map((corner) => ({ key: `driehoek-${corner.key}`, text: corner.title })),
  })
  b.scaffoldText(frame.id, {
    role: 'label',
    x: centre - 230,
    y: top + 170,
    w: 460,
    text: 'De samenwerkingsdriehoek\nWaar zie je druk op de onderlinge samenwerking ontstaan?',
    size: 's',
    textAlign: 'middle',
  })
  const vuistregels = new Column(b, frame.id, PAD, top, 560)
  vuistregels.subheading('Vuistregels')
  vuistregels.prompt(
    bullets(['Problemen sijpelen van boven naar beneden.', 'Het niveau waar al veel aandacht aan is besteed, biedt niet meer de oplossing.']),
    0,
  )

  // Helper questions, one column per corner.
  const questionsTop = Math.max(top + triangleH, vuistregels.y) + 48
  const colGap = 40
  const colW = (leftW - 2 * colGap) / 3
  let bottom = questionsTop
  DRIEHOEK.forEach((corner, i) => {
    const qc = new Column(b, frame.id, PAD + i * (colW + colGap), questionsTop, colW)
    qc.subheading(corner.questionsTitle)
    qc.prompt(bullets(corner.questions), 0)
    bottom = Math.max(bottom, qc.y)
  })

  // Red threads: four empty slots at the right.
  const right = new Column(b, frame.id, frame.w - PAD - rightW, PAD + TEXT_FONT_SIZE.xl * 1.35 + 24, rightW)
  right.subheading('Rode draden')
  right.prompt('Formuleer 3 tot 4 rode draden: één per kaart.')
  const threadsBottom = noteGrid(b, frame, { x: right.x, y: right.y, columns: 2, color: KIND_COLOURS['rode-draad'], kind: 'rode-draad', notes: [{}, {}, {}, {}] })
  return Math.max(bottom, threadsBottom)
}

function buildLessen(b: BoardBuilder, frame: FrameRef): number {
  const col = new Column(b, frame.id, PAD, PAD, frame.w - 2 * PAD)
  col.heading('4 Lessen en vervolgstappen')
  col.prompt(
    'Bespreek met de partijen de lessen uit deze casus, zowel op inhoud als op samenwerking, op basis van de rode draden. Vertaal de lessen daarna naar concrete werkafspraken voor de toekomst.',
  )
  col.subheading('Lessen over de inhoud')
  const inhoud = noteGrid(b, frame, { x: PAD, y: col.y, columns: 4, color: KIND_COLOURS.les, kind: 'les', notes: [{}, {}, {}, {}] })
  col.y = inhoud + 40
  col.subheading('Lessen over de samenwerking')
  return noteGrid(b, frame, { x: PAD, y: col.y, columns: 4, color: KIND_COLOURS.les, kind: 'les', notes: [{}, {}, {}, {}] })
}

function buildAfspraken(b: BoardBuilder, frame: FrameRef): number {
  const innerW = frame.w - 2 * PAD
  const cardW = (innerW - 40) / 2
  const col = new Column(b, frame.id, PAD, PAD, innerW)
  col.heading('5 Werkafspraken en vervolg')
  col.prompt('Maak van de lessen concrete werkafspraken: wie doet wat, wanneer en hoe? Eén afspraak per kaart: dubbelklik op een kaart en vul de regels aan, of vul ze in het paneel Kaart in.')
  col.subheading('Werkafspraken')
  let y = col.y
  for (let row = 0; row < 2; row++) {
    let bottom = y
    for (let c = 0; c < 2; c++) {
      bottom = Math.max(bottom, b.agreementCard(frame, { x: PAD + c * (cardW + 40), y, w: cardW }).bottom)
    }
    y = bottom + 32
  }
  col.y = y + 16
  col.subheading('Informatiedeling')
  col.prompt('Is er nieuwe inhoudelijke informatie uit de casus aan het licht gekomen? Zo ja, maak concrete afspraken over het delen ervan.')
  const info = b.agreementCard(frame, { x: PAD, y: col.y, w: cardW, kind: 'informatiedeling' })
  col.y = info.bottom + 48
  col.subheading('Vervolgafspraak')
  col.prompt('Loopt de casus door? Maak concrete afspraken voor het vervolg. Spreek af wanneer de partijen over een aantal maanden terugblikken en de ontwikkelingen bespreken.')
  const vervolg = b.card(frame, {
    x: PAD,
    y: col.y,
    w: cardW,
    text: 'Wat: terugblikken op de casus en de ontwikkelingen bespreken\nWie: \nWanneer: \nHoe: ',
    kind: 'vervolgafspraak',
    meta: { wie: '', wanneer: '', hoe: '', date: '' },
    color: 'red',
  })
  return vervolg.bottom
}

export const casusreconstructie: TemplateDefinition = {
  id: 'casusreconstructie',
  title: 'Casusreconstructie',
  description: 'Reconstrueer samen een casus: spelregels, tijdlijn met momenten en duidingen, rode draden, lessen en werkafspraken.',
  build,
}
