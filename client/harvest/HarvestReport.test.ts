import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { documentRecords, FIRST_PAGE_ID } from '../../server/initial-document.ts'
import { buildHarvestModel } from '../../server/report/harvest-model.ts'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { findTemplate } from '../../templates/index.ts'
import { indexKey, noteRecord } from '../../templates/shapes.ts'
import { translate } from '../i18n.ts'
import { HarvestReport } from './HarvestReport.tsx'

const html = (model: HarvestModel, lang: 'nl' | 'en' = 'nl') =>
  renderToStaticMarkup(createElement(HarvestReport, { model, lang, t: (key, vars) => translate(lang, key, vars) }))

const base: HarvestModel = {
  title: 'Casus',
  createdAt: '2025-03-12T09:00:00.000Z',
  template: { id: 'casusreconstructie', title: 'Casusreconstructie' },
  generatedAt: null,
  sections: [],
  votes: [],
  agenda: [],
  followUp: null,
}

describe('HarvestReport', () => {
  it('renders sections as headings with a numbered timeline, nested interpretations, tasks and an agreements table', () => {
    const out = html({
      ...base,
      sections: [
        { kind: 'list', zone: 'spelregels', name: '1 Spelregels', items: [{ text: 'Opdracht helder', dots: null, checked: true }, { text: 'Spelregels', dots: null, checked: false }] },
        {
          kind: 'timeline',
          zone: 'tijdlijn',
          name: '2 Tijdlijn',
          moments: [
            { date: '3 maart 2023', text: 'Melding', dots: 2, duidingen: [{ text: 'Te laat', dots: null }] },
            { date: null, text: 'Huisbezoek', dots: null, duidingen: [] },
          ],
          loose: [],
        },
        { kind: 'agreements', zone: 'afspraken', name: '5 Werkafspraken', rows: [{ id: 'shape:a', date: null, wie: 'GGD', wat: 'Delen\nelke week', wanneer: '', hoe: 'mail', dots: 1 }] },
        { kind: 'list', zone: 'lessen', name: '4 Lessen', items: [] },
      ],
    })
    expect(out).toContain('<h3>Casus</h3><p>Datum: 12 maart 2025 · Werkvorm: Casusreconstructie</p>')
    expect(out).toContain(
      '<h4>1 Spelregels</h4><ul><li class="md-task"><span class="md-task__box" aria-hidden="true">☑</span><span class="visually-hidden">gedaan: </span>Opdracht helder</li>',
    )
    expect(out).toContain('<h4>2 Tijdlijn</h4><ol><li><strong>3 maart 2023</strong>: Melding (● 2)<ul><li>Te laat</li></ul></li><li>Huisbezoek</li></ol>')
    expect(out).toContain('<thead><tr><th scope="col">Wie</th><th scope="col">Wat</th><th scope="col">Wanneer</th><th scope="col">Hoe</th></tr></thead>')
    expect(out).toContain('<td><span>Delen</span><span><br/>elke week</span> (● 1)</td>')
    expect(out).toContain('<h4>4 Lessen</h4><p class="harvest__empty">Nog niets ingevuld.</p>')
  })

  it('puts what the panel gives (its calendar button) under each agreement’s Wanneer', () => {
    const rows = [
      { id: 'shape:a', date: '2027-03-15', wie: 'GGD', wat: 'Evaluatie', wanneer: '15 maart 2027', hoe: '', dots: null },
      { id: 'shape:b', date: null, wie: '', wat: 'Delen', wanneer: 'elke week', hoe: '', dots: null },
    ]
    const out = renderToStaticMarkup(
      createElement(HarvestReport, {
        model: { ...base, sections: [{ kind: 'agreements', zone: 'afspraken', name: 'Afspraken', rows }] },
        lang: 'nl',
        t: (key, vars) => translate('nl', key, vars),
        agreementAction: (row) => (row.date ? createElement('button', null, `agenda ${row.id}`) : null),
      }),
    )
    expect(out).toContain('<td><span>15 maart 2027</span><button>agenda shape:a</button></td>')
    expect(out).toContain('<td><span>elke week</span></td>')
  })

  it('lists closed votes in order and the agenda as it ran, in the chosen language', () => {
    const model: HarvestModel = {
      ...base,
      votes: [{ closedAt: '2025-03-12T10:15:00.000Z', perParticipant: 3, zoneName: 'Rode draden', voters: 1, results: [{ text: 'Eigenaarschap', dots: 2 }, { text: null, dots: 1 }] }],
      agenda: [{ name: 'Tijdlijn', startedAt: '2025-03-12T09:00:00.000Z', endedAt: '2025-03-12T09:20:00.000Z', plannedMinutes: 15 }],
      followUp: { date: '2025-09-01', text: 'Terugblikken' },
    }
    const nl = html(model)
    expect(nl).toContain('<h4>Stemmingen</h4><div><h5>Stemming, gesloten op 12 maart 2025 om 11:15</h5><p>3 stippen per deelnemer · Onderdeel: Rode draden · 1 deelnemer heeft gestemd</p>')
    expect(nl).toContain('<ol><li>Eigenaarschap (● 2)</li><li><em>(kaart verwijderd of zonder tekst)</em> (● 1)</li></ol>')
    expect(nl).toContain('<h4>Verloop</h4><p>Op 12 maart 2025.</p>')
    expect(nl).toContain('<td>Tijdlijn</td><td>10:00</td><td>20 min</td><td>15 min</td>')
    expect(nl).toContain('Vervolgafspraak op 1 september 2025')
    const en = html(model, 'en')
    expect(en).toContain('<h4>Votes</h4>')
    expect(en).toContain('Follow-up on 1 September 2025')
  })

  it('shows what participants typed, exactly, as text', () => {
    const records: TLRecord[] = documentRecords(findTemplate('casusreconstructie')!)
    const lessen = records.find((r) => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === 'lessen') as { x: number; y: number }
    const hostile = ['<img src=x onerror=alert(1)>', '[klik](javascript:alert(1))', '**niet vet** & _niet schuin_ | pipe', '1. geen lijst', '# geen kop']
    hostile.forEach((text, i) =>
      records.push(noteRecord({ id: `shape:h${i}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + i), x: lessen.x + 60 + i * 220, y: lessen.y + 400, text })),
    )
    const out = html(buildHarvestModel({ title: 'Casus <b>', createdAt: '2025-03-12T09:00:00.000Z', templateId: 'casusreconstructie', records }))
    expect(out).not.toMatch(/<img|<a |<b>|href=/)
    expect(out).toContain('<h3>Casus &lt;b&gt;</h3>')
    const lessons = out.slice(out.indexOf('<h4>4 Lessen'), out.indexOf('<h4>5 Werkafspraken'))
    const items = [...lessons.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1])
    expect(items).toEqual(['&lt;img src=x onerror=alert(1)&gt;', '[klik](javascript:alert(1))', '**niet vet** &amp; _niet schuin_ | pipe', '1. geen lijst', '# geen kop'])
  })
})
