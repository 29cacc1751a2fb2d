/**
 * Bestuurlijke dialoog (seed 000): vier sessies over drie kernthema's, van het 'waarom' van de
 * samenwerking naar het 'hoe' in de praktijk. Elke sessie eindigt in een handelingsperspectief,
 * collectief en individueel.
 */
import type { TLPageId } from '@tldraw/tlschema'
import { BoardBuilder, bulletColumns, bullets, Column, gridWidth, noteGrid, type FrameRef } from './shapes.ts'
import type { TemplateDefinition } from './types.ts'

/** Suggested minutes: each session is a meeting of its own, a handelingsperspectief a part of it. */
const TIMEBOX = { uitgangspunten: 15, sessie: 90, handelingsperspectief: 20 }

const PAD = 48
const GAP_X = 200
const GAP_Y = 240
const SESSION_W = 1200

interface Session {
  zone: string
  short: string
  name: string
  theme: string
  intro: string
  questions: string[]
}

const SESSIONS: Session[] = [
  {
    zone: 'sessie-1a',
    short: 'Sessie 1A',
    name: 'Sessie 1A – Het waarom ophalen',
    theme: 'Het ‘waarom’ van de alliantie: de wijsheid van de bestuurders ophalen',
    intro: 'We beginnen bij de fundamentele vragen: waarom werken we samen en wat is het wezen van de alliantie? Doel is de onderliggende uitgangspunten en principes opnieuw te bekrachtigen en waar nodig te actualiseren.',
    questions: [
      'Waarom zijn we deze alliantie aangegaan, en waarom blijven we erin?',
      'Wat is het wezen van de alliantie: wat kunnen we samen wat we alleen niet kunnen?',
      'Welke uitgangspunten en principes liggen onder onze samenwerking?',
      'Wat willen we opnieuw bekrachtigen en wat moet worden geactualiseerd?',
    ],
  },
  {
    zone: 'sessie-1b',
    short: 'Sessie 1B',
    name: 'Sessie 1B – Het waarom doorleven',
    theme: 'Het ‘waarom’ overdragen en doorleven',
    intro: 'We maken de uitgangspunten en principes uit sessie 1A concreet: wat betekenen ze voor ons handelen als bestuurders, en hoe dragen we ze over?',
    questions: [
      'Wat betekenen de uitgangspunten en principes voor ons dagelijks bestuurlijk handelen?',
      'Waar zien we ze al terug in de praktijk, en waar nog niet?',
      'Hoe dragen we het ‘waarom’ over aan onze organisaties en partners?',
      'Wat vraagt dat van ieder van ons persoonlijk?',
    ],
  },
  {
    zone: 'sessie-2',
    short: 'Sessie 2',
    name: 'Sessie 2 – Toekomstscenario’s',
    theme: 'Dialoog over toekomstscenario’s: wat staat ons als alliantie te doen?',
    intro: 'We maken de stap naar het ‘wat’: wat komt er op ons af en wat vraagt dat van ons als collectief? Inhoudelijke vraagstukken dienen als casus om het bestuurlijke gesprek te voeren, niet om ze hier op te lossen.',
    questions: [
      'Wat staat ons als alliantie te doen, en wat komt er op ons af?',
      'Welke ontwikkelingen van buitenaf hebben impact op onze opgave?',
      'Wat vragen die ontwikkelingen van ons als collectief?',
      'Welke casus maakt dit voor ons concreet?',
    ],
  },
  {
    zone: 'sessie-3',
    short: 'Sessie 3',
    name: 'Sessie 3 – Programmasturing',
    theme: 'Dialoog over programmasturing: van ‘waarom’ naar ‘hoe’',
    intro: 'In de laatste sessie gaat het om het ‘hoe’: wat is er nodig om de doelen van de alliantie te bereiken, en welke afspraken maken we daarover?',
    questions: [
      'Welke sturingsmechanismen hebben we nodig om de alliantiedoelen te bereiken?',
      'Hoe verdelen we rollen en verantwoordelijkheden?',
      'Welke andere programmatische kaders zijn nodig?',
      'Welke afspraken kunnen we hierover maken?',
    ],
  },
]

function build(pageId: TLPageId) {
  const b = new BoardBuilder(pageId, 'bestuurlijk')
  const totalW = SESSIONS.length * SESSION_W + (SESSIONS.length - 1) * GAP_X

  // A banner with the principles of the dialogue, above the four sessions.
  const opzet = b.frame({ zone: 'uitgangspunten', name: 'Opzet en uitgangspunten', x: 0, y: 0, w: totalW, h: 600, timebox: TIMEBOX.uitgangspunten })
  const head = new Column(b, opzet.id, PAD, PAD, totalW - 2 * PAD)
  head.heading('Bestuurlijke dialoog in vier sessies', 32)
  const blocks: [string, string[]][] = [
    [
      'Van ‘waarom’ naar ‘hoe’',
      [
        'Sessie 1A en 1B: het ‘waarom’ van de alliantie: de wijsheid van de bestuurders ophalen, en het ‘waarom’ overdragen en doorleven.',
        'Sessie 2: toekomstscenario’s: wat staat ons te doen en wat komt er op ons af?',
        'Sessie 3: programmasturing: wat is er nodig om de doelen te bereiken?',
      ],
    ],
    [
      'Uitgangspunten',
      [
        'De procesbegeleider faciliteert het proces en de gesprekken; de bestuurders zijn en blijven eigenaar van de inhoud en van het vervolg dat ze eraan geven.',
        'We brengen het goede gesprek op gang en zoeken resultaat op het niveau van principes voor de bestuurlijke samenwerking en de toepassing daarvan in de praktijk.',
      ],
    ],
    [
      'Casussen en resultaat',
      [
        'Inhoudelijke vraagstukken brengen we in als casus, om het bestuurlijke gesprek te voeren; we lossen ze hier niet op.',
        'Iedere sessie werkt toe naar een concreet handelingsperspectief voor de toekomst, voor het collectief en voor ieder individu. De deelnemers zijn samen verantwoordelijk voor de inhoud, diepgang en concreetheid ervan.',
      ],
    ],
  ]
  const opzetBottom = bulletColumns(b, opzet.id, { x: PAD, y: head.y, width: totalW - 2 * PAD, gap: 60, blocks })
  b.setFrameHeight(opzet, opzetBottom + PAD)

  const y = opzet.h + GAP_Y
  const frames = SESSIONS.map((session, i) => {
    const frame = b.frame({ zone: session.zone, name: session.name, x: i * (SESSION_W + GAP_X), y, w: SESSION_W, h: 1000, timebox: TIMEBOX.sessie })
    return { frame, bottom: buildSession(b, frame, session) }
  })
  const h = Math.max(...frames.map((f) => f.bottom)) + PAD
  for (const { frame } of frames) b.setFrameHeight(frame, h)
  return b.build()
}

/** One session: theme, questions, room for contributions, then the two action perspectives. */
function buildSession(b: BoardBuilder, frame: FrameRef, session: Session): number {
  const innerW = frame.w - 2 * PAD
  const col = new Column(b, frame.id, PAD, PAD, innerW)
  col.heading(session.name)
  col.subheading(session.theme, 16)
  col.prompt(session.intro, 24)
  col.subheading('Vragen')
  col.prompt(bullets(session.questions), 32)
  col.subheading('Inbreng en inzichten')
  const inbreng = noteGrid(b, frame, { x: PAD, y: col.y, columns: 4, gap: 48, color: 'yellow', kind: 'inbreng', notes: [{}, {}, {}, {}] })

  // Handelingsperspectief: two sub-frames, so the harvest keeps collective and individual apart.
  const subW = (innerW - 48) / 2
  const subTop = inbreng + 96
  let bottom = subTop
  const parts = [
    { key: 'collectief', title: 'Handelingsperspectief – collectief', prompt: 'Wat gaan we als collectief doen?', color: 'light-violet' },
    { key: 'individueel', title: 'Handelingsperspectief – individueel', prompt: 'Wat ga ik zelf doen?', color: 'light-green' },
  ] as const
  parts.forEach((part, i) => {
    const sub = b.frame({ zone: `${session.zone}-${part.key}`, name: `${session.short} – handelingsperspectief ${part.key}`, parent: frame, x: PAD + i * (subW + 48), y: subTop, w: subW, h: 600, timebox: TIMEBOX.handelingsperspectief })
    const sc = new Column(b, sub.id, 32, 32, subW - 64)
    sc.subheading(part.title)
    sc.prompt(part.prompt)
    const notesBottom = noteGrid(b, sub, { x: (subW - gridWidth(2, 32)) / 2, y: sc.y, columns: 2, gap: 32, color: part.color, kind: 'handelingsperspectief', notes: [{}, {}, {}, {}] })
    b.setFrameHeight(sub, notesBottom + 32)
    bottom = Math.max(bottom, subTop + sub.h)
  })
  return bottom
}

export const bestuurlijkeDialoog: TemplateDefinition = {
  id: 'bestuurlijke-dialoog',
  title: 'Bestuurlijke dialoog',
  description: 'Vier sessies van het ‘waarom’ naar het ‘hoe’ van de samenwerking, elk met een handelingsperspectief voor collectief en individu.',
  build,
}
