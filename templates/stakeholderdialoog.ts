/**
 * Stakeholderdialoog (seed 003): een stapsgewijs proces om samen met belanghebbenden tot een
 * advies, ontwerp of besluit te komen. Acht stappen (vooraf, tijdens, na), elk met een checklist
 * van aandachtspunten als afvinkbare kaarten, en een frame voor de vervolgacties.
 */
import type { TLPageId } from '@tldraw/tlschema'
import { BoardBuilder, Column, type FrameRef } from './shapes.ts'
import type { TemplateDefinition } from './types.ts'

/** Suggested minutes per step when the team walks through the plan in one working session. */
const STEP_TIMEBOX = 15
const VERVOLG_TIMEBOX = 10

const PAD = 48
const GAP_X = 160
const GAP_Y = 320
const STEP_W = 800
const PHASE_GAP = 240

/** Prefix of an unchecked checklist card; the report turns it into `- [ ]`. */
export const UNCHECKED = '☐ '

interface Step {
  zone: string
  name: string
  items: string[]
}

const PHASES: { label: string; steps: Step[] }[] = [
  {
    label: 'Vooraf',
    steps: [
      {
        zone: 'opdracht',
        name: '1 Definieer de opdracht',
        items: [
          'Vraag en aanleiding: waartoe doen we dit?',
          'Benoem de rollen: opdrachtgever, procesregisseur',
          'Scope van de dialoog',
          'Staat het budget al vast?',
          'Wie gaan beslissen?',
          'Verwachtingen van de beslissers over oplossingen',
          'Externe en interne deadlines',
          'Eisen aan vorm en inhoud van het resultaat',
          'Projectmatige of procesmatige aanpak',
          'Reeds genomen besluiten',
        ],
      },
      {
        zone: 'context',
        name: '2 Breng de context in kaart',
        items: [
          'Beslis welke partijen op welk niveau betrokken moeten worden',
          'Richt een klankbordgroep in van toekomstige deelnemers',
          'Welke geschiedenis speelt een rol?',
          'Bepaal hoe de stakeholders het best benaderd kunnen worden',
          'Achterhaal de manifeste belangen',
        ],
      },
      {
        zone: 'procesplan',
        name: '3 Maak een procesplan',
        items: [
          'Betrek de klankbordgroep',
          'Maak in de processtappen tijd en ruimte voor: een gemeenschappelijke ambitie ontwikkelen, persoonlijke en organisatiebelangen expliciet maken, en mijlpalen die geborgd moeten worden',
          'Zorg in de processtappen voor afwisselend divergeren en convergeren',
          'Laat voldoende ruimte om het stappenplan tijdens het proces bij te stellen',
          'Zet in de processtappen creatieve werkvormen in om alle aanwezigen actief te betrekken',
          'Bepaal de eisen aan locatie(s) en faciliteiten',
        ],
      },
      {
        zone: 'bijeenkomsten',
        name: '4 Organiseer de bijeenkomsten',
        items: ['Uitnodigingen', 'Locatie en faciliteiten', 'Begeleider(s), spreker(s), notulist(en)', 'Draaiboek en programma', 'Deelnemerslijsten', 'Catering'],
      },
    ],
  },
  {
    label: 'Tijdens de dialoog',
    steps: [
      {
        zone: 'spelregels',
        name: '5 Spreek spelregels af',
        items: [
          'Over te delen waarden: transparantie (dus ook vertrouwelijkheid), gelijkwaardigheid en het dienen van wederzijds belang',
          'Over de werkwijze: mandaat, stappen, besluitvorming, verankering, commitment, financiering, taakverdeling, terugkoppelmomenten met de achterban',
        ],
      },
      {
        zone: 'begeleiden',
        name: '6 Begeleid de dialoog',
        items: [
          'Schep de voorwaarden voor vertrouwen en openheid',
          'Wordt de ambitie echt gedeeld?',
          'Komen de echte belangen op tafel, persoonlijk en zakelijk?',
          'Wat vindt de klankbordgroep van de voortgang?',
          'Is er voldoende daadkracht, en hoe kan die bevorderd worden?',
          'Moet het tempo van het proces omhoog of omlaag?',
          'Moet het procesontwerp tussentijds worden aangepast?',
          'Is er een gezamenlijk vertrekpunt wat betreft de benodigde informatie (joint fact finding)?',
          'Check of tussenresultaten bij ieders achterban geborgd worden',
        ],
      },
      {
        zone: 'oogst',
        name: '7 Leg de oogst vast',
        items: [
          'Sluit aan op de beelden en woorden van de deelnemers',
          'Vraag de klankbordgroep en de deelnemers om feedback op het conceptverslag',
          'Kom tot eensluidende conclusies',
          'Spreek af hoe gerapporteerd wordt aan de achterban en aan partijen buiten de dialoog',
          'Spreek ook de overige vervolgacties glashelder af: wie, wat, wanneer, hoe',
        ],
      },
    ],
  },
  {
    label: 'Na de dialoog',
    steps: [
      {
        zone: 'communicatie',
        name: '8 Communiceer de resultaten',
        items: ['Naar de deelnemers', 'Naar de afgesproken partijen buiten de dialoog', 'Geef aan hoe mensen alsnog feedback kunnen geven', 'Vier de successen'],
      },
    ],
  },
]

function build(pageId: TLPageId) {
  const b = new BoardBuilder(pageId, 'stakeholder')
  let y = 0
  PHASES.forEach((phase, p) => {
    // The phase name above its row of steps (the frames' own names sit just above each frame).
    b.scaffoldText(pageId, { role: 'heading', x: 0, y, w: 1600, text: phase.label, size: 'xl' })
    // Room for the frames' names between the phase name and the frames, also zoomed out.
    const rowY = y + PHASE_GAP
    const frames: { frame: FrameRef; bottom: number }[] = phase.steps.map((step, i) => {
      const frame = b.frame({ zone: step.zone, name: step.name, x: i * (STEP_W + GAP_X), y: rowY, w: STEP_W, h: 800, timebox: STEP_TIMEBOX })
      return { frame, bottom: buildStep(b, frame, step) }
    })
    if (p === PHASES.length - 1) {
      const frame = b.frame({ zone: 'afspraken', name: 'Vervolgacties', x: phase.steps.length * (STEP_W + GAP_X), y: rowY, w: STEP_W, h: 800, timebox: VERVOLG_TIMEBOX })
      frames.push({ frame, bottom: buildVervolgacties(b, frame) })
    }
    const h = Math.max(...frames.map((f) => f.bottom)) + PAD
    for (const { frame } of frames) b.setFrameHeight(frame, h)
    y = rowY + h + GAP_Y - PHASE_GAP
  })
  return b.build()
}

function buildStep(b: BoardBuilder, frame: FrameRef, step: Step): number {
  const innerW = frame.w - 2 * PAD
  const col = new Column(b, frame.id, PAD, PAD, innerW)
  col.heading(step.name, 16)
  col.prompt('Vink af wat geregeld is: vervang ☐ door ☑. Voeg toe wat voor jullie dialoog nog meer telt.', 24)
  let y = col.y
  for (const item of step.items) {
    const card = b.card(frame, { x: PAD, y, w: innerW, text: `${UNCHECKED}${item}`, kind: 'checklist', meta: { checked: false }, color: 'light-blue', minHeight: 56 })
    y = card.bottom + 12
  }
  return y - 12
}

function buildVervolgacties(b: BoardBuilder, frame: FrameRef): number {
  const innerW = frame.w - 2 * PAD
  const col = new Column(b, frame.id, PAD, PAD, innerW)
  col.heading('Vervolgacties', 16)
  col.prompt('Spreek de vervolgacties glashelder af: wie doet wat, wanneer en hoe? Eén actie per kaart; vul de regels aan.', 24)
  return b.agreementStack(frame, { x: PAD, y: col.y, w: innerW, count: 3 })
}

export const stakeholderdialoog: TemplateDefinition = {
  id: 'stakeholderdialoog',
  title: 'Stakeholderdialoog',
  description: 'Het stappenplan voor een dialoog met belanghebbenden: acht stappen vooraf, tijdens en na, met afvinkbare aandachtspunten.',
  build,
}
