/**
 * 7V-dialoog (seed 001): een verenigingsbrede dialoog in zeven stappen, van individuele inzichten
 * naar collectieve, gedragen oplossingen: Vinden, Verzamelen, Verkennen, Verrijken, Voorkeuren,
 * Verdiepen, Voortzetten. Online en anoniem: bijdragen zijn zichtbaar, afzenders niet.
 */
import type { TLPageId } from '@tldraw/tlschema'
import { BoardBuilder, bulletColumns, bullets, Column, gridWidth, noteGrid } from './shapes.ts'
import type { TemplateDefinition } from './types.ts'

/** Suggested minutes per step when the seven steps are run in one session of about two hours. */
const TIMEBOX: Record<string, number> = { aanpak: 10, vinden: 15, verzamelen: 20, verkennen: 15, verrijken: 15, voorkeuren: 15, verdiepen: 15, voortzetten: 10 }

const PAD = 48
const GAP_X = 120
const GAP_Y = 240
const COLUMN_W = gridWidth(3, 40) + 2 * PAD // three notes a row

interface Step {
  zone: string
  name: string
  what: string
  questions: string[]
}

const STEPS: Step[] = [
  {
    zone: 'vinden',
    name: 'Vinden',
    what: 'Relevante stakeholders identificeren.',
    questions: [
      'Wie zijn de betrokkenen bij dit vraagstuk?',
      'Welke groepen en netwerken mogen niet ontbreken, zoals G4, G40, M50, P10, K80 en de provincies?',
      'Wie zien we nog over het hoofd?',
    ],
  },
  {
    zone: 'verzamelen',
    name: 'Verzamelen',
    what: 'Deelnemers werven en informeren.',
    questions: [
      'Via welke kanalen en netwerken nodigen we deelnemers uit?',
      'Welke informatie hebben deelnemers vooraf nodig?',
      'Zijn alle groepen goed vertegenwoordigd?',
    ],
  },
  {
    zone: 'verkennen',
    name: 'Verkennen',
    what: 'Samen de context en de thema’s vaststellen.',
    questions: ['Welke beelden heb je bij het vraagstuk?', 'Welke thema’s, obstakels en kansen zie je?', 'Wat is voor jou de kern van het vraagstuk?'],
  },
  {
    zone: 'verrijken',
    name: 'Verrijken',
    what: 'Ideeën en zorgen uitwerken.',
    questions: ['Welke ideeën en oplossingen zie je?', 'Welke zorgen heb je?', 'Reageer op de bijdragen van anderen: wat voeg je toe?'],
  },
  {
    zone: 'voorkeuren',
    name: 'Voorkeuren',
    what: 'Aandachtspunten prioriteren.',
    questions: ['Welke aandachtspunten zijn voor jou het belangrijkst?', 'Welke punten verdienen als eerste aandacht, en waarom?'],
  },
  {
    zone: 'verdiepen',
    name: 'Verdiepen',
    what: 'De belangrijkste thema’s diepgaand verkennen.',
    questions: ['Wat is er nodig om dit thema verder te brengen?', 'Welke oplossingen kunnen op brede steun rekenen?', 'Wat is de rol van de vereniging hierin?'],
  },
  {
    zone: 'voortzetten',
    name: 'Voortzetten',
    what: 'Terugkoppelen en vervolgacties afspreken.',
    questions: [
      'Wat nemen we op in het rapport en de routekaart?',
      'Welke vervolgacties spreken we af, en wie pakt ze op?',
      'Hoe koppelen we de uitkomsten terug aan de deelnemers?',
    ],
  },
]

function build(pageId: TLPageId) {
  const b = new BoardBuilder(pageId, '7v')
  const totalW = STEPS.length * COLUMN_W + (STEPS.length - 1) * GAP_X

  const aanpak = b.frame({ zone: 'aanpak', name: 'Aanpak', x: 0, y: 0, w: totalW, h: 500, timebox: TIMEBOX.aanpak })
  const head = new Column(b, aanpak.id, PAD, PAD, totalW - 2 * PAD)
  head.heading('Dialoog volgens de 7V-methode', 32)
  const blocks: [string, string[]][] = [
    [
      'Van individuele inzichten naar gedragen oplossingen',
      [
        'Zeven stappen begeleiden de deelnemers van hun eigen inzichten naar collectieve, gedragen oplossingen.',
        'Het resultaat: een rapport met een analyse van alle zeven stappen en een routekaart voor het vervolg.',
      ],
    ],
    [
      'Open, anoniem en altijd bereikbaar',
      [
        'Iedereen kan op elk moment meedoen, gedachten delen en reageren op bijdragen van anderen.',
        'Bijdragen zijn zichtbaar, afzenders niet: zet het bord in de anonieme modus.',
      ],
    ],
    [
      'Representatief en veelzijdig',
      [
        'Houd tijdens de dialoog bij of alle groepen goed vertegenwoordigd zijn, bijvoorbeeld G4, G40, M50, P10, K80 en de provincies.',
        'Begeleid de discussie zodat die constructief blijft.',
      ],
    ],
  ]
  const aanpakBottom = bulletColumns(b, aanpak.id, { x: PAD, y: head.y, width: totalW - 2 * PAD, gap: 60, blocks })
  b.setFrameHeight(aanpak, aanpakBottom + PAD)

  const y = aanpak.h + GAP_Y
  const innerW = COLUMN_W - 2 * PAD
  const columns = STEPS.map((step, i) => {
    const frame = b.frame({ zone: step.zone, name: `${i + 1} ${step.name}`, x: i * (COLUMN_W + GAP_X), y, w: COLUMN_W, h: 1000, timebox: TIMEBOX[step.zone] })
    const col = new Column(b, frame.id, PAD, PAD, innerW)
    col.heading(`${i + 1} ${step.name}`, 16)
    col.subheading(step.what, 24)
    col.prompt(bullets(step.questions), 32)
    return { frame, y: col.y }
  })
  // Start every column's cards at the same height, so the board reads as one row.
  const cardsY = Math.max(...columns.map((c) => c.y))
  const bottoms = columns.map(({ frame }) =>
    noteGrid(b, frame, { x: (COLUMN_W - gridWidth(3, 40)) / 2, y: cardsY, columns: 3, color: 'yellow', kind: 'bijdrage', notes: [{}, {}, {}, {}, {}, {}] }),
  )
  const h = Math.max(...bottoms) + PAD
  for (const { frame } of columns) b.setFrameHeight(frame, h)
  return b.build()
}

export const zevenVDialoog: TemplateDefinition = {
  id: '7v-dialoog',
  title: '7V-dialoog',
  description: 'Een brede, anonieme dialoog in zeven stappen: Vinden, Verzamelen, Verkennen, Verrijken, Voorkeuren, Verdiepen, Voortzetten.',
  // Its method promises anonymity: contributions visible, senders not.
  anonymous: true,
  build,
}
